using Hotspot.Domain;
using Hotspot.Domain.Phones;

namespace Hotspot.Tests.Domain;

public class KenyanPhoneNumberTests
{
    [TestCase("0712345678", "254712345678")]
    [TestCase("0112345678", "254112345678")]
    [TestCase("712345678", "254712345678")]
    [TestCase("112345678", "254112345678")]
    [TestCase("254712345678", "254712345678")]
    [TestCase("254112345678", "254112345678")]
    [TestCase("+254712345678", "254712345678")]
    [TestCase("+254 712 345 678", "254712345678")]
    [TestCase("0712-345-678", "254712345678")]
    [TestCase(" 0712 345678 ", "254712345678")]
    [TestCase("+254-112-345-678", "254112345678")]
    public void Accepted_formats_normalise_to_254(string input, string expected) =>
        Assert.That(KenyanPhoneNumber.Parse(input).Value, Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("0812345678")]      // not a mobile prefix
    [TestCase("071234567")]       // too short
    [TestCase("07123456789")]     // too long
    [TestCase("255712345678")]    // Tanzania
    [TestCase("+0712345678")]     // plus without country code
    [TestCase("2547123456789")]
    [TestCase("0712a45678")]
    [TestCase("07.12.34.56.78")]
    [TestCase("254 812 345 678")]
    [TestCase("+254+712345678")]
    [TestCase("071234567812345678901234567890123")]
    public void Anything_else_is_rejected_with_the_accepted_formats(string? input)
    {
        Assert.That(KenyanPhoneNumber.TryParse(input, out _), Is.False);
        var error = Assert.Throws<DomainException>(() => KenyanPhoneNumber.Parse(input));
        Assert.That(error!.Code, Is.EqualTo(DomainErrorCodes.Validation));
        Assert.That(error.Message, Does.Contain("07XXXXXXXX").And.Contain("+2547XXXXXXXX"));
    }

    [Test]
    public void Every_valid_local_number_round_trips_through_every_format()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var subscriber = (random.Next(2) == 0 ? "7" : "1") + random.Next(0, 100_000_000).ToString("D8");
            var expected = "254" + subscriber;
            foreach (var form in new[] { "0" + subscriber, subscriber, expected, "+" + expected, "+254 " + subscriber[..3] + " " + subscriber[3..] })
                Assert.That(KenyanPhoneNumber.Parse(form).Value, Is.EqualTo(expected), form);
        }
    }
}
