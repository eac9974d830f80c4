using System.Security.Cryptography;
using System.Text;
using Hotspot.Api.Payments;
using Hotspot.Domain.Phones;

namespace Hotspot.Tests.Api.Rest;

/// <summary>The number a customer types against the payer's number as Daraja and Kopo Kopo report it.</summary>
public class PayerPhoneTests
{
    private static readonly KenyanPhoneNumber Typed = KenyanPhoneNumber.Parse("0712 345 678");

    [TestCase("254712345678", true)]
    [TestCase("+254712345678", true)]
    [TestCase("0712345678", true)]
    [TestCase("254712345679", false)]
    [TestCase("2547******678", true)]
    [TestCase("2547 ***** 678", true)]
    [TestCase("2547*****678", true)]
    [TestCase("07*******678", true)]
    [TestCase("2547******679", false)]
    [TestCase("2541******678", false)]
    [TestCase("**********678", true)]
    [TestCase("***********78", false)]
    [TestCase("2547*****6*8", false)]
    [TestCase("************", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void Matches(string? reported, bool expected) => Assert.That(PayerPhone.Matches(reported, Typed), Is.EqualTo(expected));

    [Test]
    public void A_sha256_hash_of_the_number_matches_it_only()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("254712345678")));

        Assert.That(PayerPhone.Matches(hash, Typed), Is.True);
        Assert.That(PayerPhone.Matches(hash.ToLowerInvariant(), Typed), Is.True);
        Assert.That(PayerPhone.Matches(hash, KenyanPhoneNumber.Parse("0712345679")), Is.False);
    }
}
