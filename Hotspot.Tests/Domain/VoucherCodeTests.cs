using Hotspot.Domain;
using Hotspot.Domain.Vouchers;

namespace Hotspot.Tests.Domain;

public class VoucherCodeTests
{
    [Test]
    public void The_alphabet_has_32_unambiguous_upper_case_symbols()
    {
        Assert.That(VoucherCode.Alphabet, Has.Length.EqualTo(32));
        Assert.That(VoucherCode.Alphabet.Distinct().Count(), Is.EqualTo(32));
        Assert.That(VoucherCode.Alphabet, Does.Not.Contain("0").And.Not.Contain("O").And.Not.Contain("1").And.Not.Contain("I"));
        Assert.That(VoucherCode.Alphabet.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)), Is.True);
    }

    [Test]
    public void Purchase_codes_have_8_and_batch_codes_10_characters_from_the_alphabet()
    {
        for (var i = 0; i < 200; i++)
        {
            var purchase = VoucherCodeGenerator.ForPurchase();
            var batch = VoucherCodeGenerator.ForBatch();
            Assert.That(purchase, Has.Length.EqualTo(8));
            Assert.That(batch, Has.Length.EqualTo(10));
            Assert.That((purchase + batch).All(VoucherCode.Alphabet.Contains), Is.True, purchase + " " + batch);
        }
    }

    [Test]
    public void A_prefix_is_added_in_front_of_the_random_part()
    {
        var code = VoucherCodeGenerator.ForBatch("net-");
        Assert.That(code, Does.StartWith("NET"));
        Assert.That(code, Has.Length.EqualTo(3 + 10));
    }

    [TestCase("TOOLONGX")]
    [TestCase("A_B")]
    [TestCase("ÄB")]
    public void A_bad_prefix_is_refused(string prefix) =>
        Assert.Throws<DomainException>(() => VoucherCodeGenerator.ForBatch(prefix));

    [Test]
    public void Codes_are_spread_over_the_whole_alphabet()
    {
        // 20,000 symbols over 32 values: each should appear about 625 times; a biased generator would not.
        var counts = Enumerable.Range(0, 2000).SelectMany(_ => VoucherCodeGenerator.ForBatch()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Keys, Is.EquivalentTo(VoucherCode.Alphabet));
        Assert.That(counts.Values.Min(), Is.GreaterThan(450));
        Assert.That(counts.Values.Max(), Is.LessThan(800));
    }

    [Test]
    public void Codes_do_not_repeat()
    {
        // 10,000 codes of 50 random bits collide with probability below 1e-7.
        var codes = Enumerable.Range(0, 10_000).Select(_ => VoucherCodeGenerator.ForBatch()).ToList();
        Assert.That(codes.Distinct().Count(), Is.EqualTo(codes.Count));
    }

    [TestCase("abcd-ef23", "ABCDEF23")]
    [TestCase(" AbCd EF23 ", "ABCDEF23")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Typed_codes_are_normalised(string? typed, string expected) =>
        Assert.That(VoucherCode.Normalize(typed), Is.EqualTo(expected));
}
