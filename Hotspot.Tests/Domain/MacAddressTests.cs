using Hotspot.Domain;
using Hotspot.Domain.Devices;

namespace Hotspot.Tests.Domain;

public class MacAddressTests
{
    // What a captive portal submits at purchase: colons, dashes or nothing between the digits.
    [TestCase("aa:bb:cc:dd:ee:ff", "AA:BB:CC:DD:EE:FF")]
    [TestCase("AA-BB-CC-DD-EE-FF", "AA:BB:CC:DD:EE:FF")]
    [TestCase("aabbccddeeff", "AA:BB:CC:DD:EE:FF")]
    [TestCase("  aa:bb:cc:dd:ee:0f ", "AA:BB:CC:DD:EE:0F")]
    [TestCase(null, null)]
    [TestCase(" ", null)]
    public void A_portal_MAC_is_read_into_the_canonical_form(string? text, string? expected) =>
        Assert.That(MacAddress.ParseOptional(text)?.Value, Is.EqualTo(expected));

    [TestCase("aa:bb:cc")]
    [TestCase("zz:bb:cc:dd:ee:ff")]
    [TestCase("aabb.ccdd.eeff")]
    [TestCase("AA BB CC DD EE FF")]
    [TestCase("AA:BB:CC:DD:EE:FF:00")]
    public void A_portal_MAC_in_another_shape_is_refused(string text) =>
        Assert.That(Assert.Throws<DomainException>(() => MacAddress.ParseOptional(text))!.Code, Is.EqualTo(DomainErrorCodes.Validation));

    // What routers send as a MAC login's User-Name or a Calling-Station-Id.
    [TestCase("AA:BB:CC:DD:EE:FF", "AA:BB:CC:DD:EE:FF")]
    [TestCase("aa-bb-cc-dd-ee-ff", "AA:BB:CC:DD:EE:FF")]
    [TestCase("aabb.ccdd.eeff", "AA:BB:CC:DD:EE:FF")]
    [TestCase("AABBCCDDEEFF", "AA:BB:CC:DD:EE:FF")]
    [TestCase("AA:BB:CC:DD:EE", null)]
    [TestCase("AA:BB:CC:DD:EE:FF:00", null)]
    [TestCase("CAFE2345XY", null)]
    [TestCase("AA BB CC DD EE FF", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void Parses_the_MAC_formats_routers_send(string? text, string? expected) =>
        Assert.That(MacAddress.TryParse(text, out var mac) ? mac.Value : null, Is.EqualTo(expected));

    // A key for a Calling-Station-Id in any shape: canonical when it holds twelve hex digits, else as sent.
    [TestCase("aa-bb-cc-dd-ee-0f", "AA:BB:CC:DD:EE:0F")]
    [TestCase("AABB.CCDD.EE0F", "AA:BB:CC:DD:EE:0F")]
    [TestCase("aa bb cc dd ee 0f", "AA:BB:CC:DD:EE:0F")]
    [TestCase(" not-a-mac ", "NOT-A-MAC")]
    [TestCase("AA:BB:CC:DD:EE:FF:00", "AA:BB:CC:DD:EE:FF:00")]
    [TestCase(" ", null)]
    [TestCase(null, null)]
    public void Normalize_is_lenient_for_keys(string? text, string? expected) =>
        Assert.That(MacAddress.Normalize(text), Is.EqualTo(expected));

    [Test]
    public void Two_spellings_of_one_device_are_equal()
    {
        Assert.That(MacAddress.TryParse("aa-bb-cc-dd-ee-ff", out var dashed), Is.True);
        Assert.That(MacAddress.TryParse("AABB.CCDD.EEFF", out var dotted), Is.True);
        Assert.That(dashed, Is.EqualTo(dotted));
        Assert.That(dashed.ToString(), Is.EqualTo("AA:BB:CC:DD:EE:FF"));
    }
}
