using Hotspot.Domain.Radius;
using Hotspot.Storage.Radius;

namespace Hotspot.Tests.Radius;

public class MacLoginTests
{
    [Test]
    public void A_MAC_login_must_name_the_device_that_asks()
    {
        Assert.That(MacLogin.DeviceMac("aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-FF"), Is.EqualTo("AA:BB:CC:DD:EE:FF"));
        Assert.That(MacLogin.DeviceMac("AA:BB:CC:DD:EE:FF", "AA:BB:CC:DD:EE:00"), Is.Null);
        Assert.That(MacLogin.DeviceMac("AA:BB:CC:DD:EE:FF", null), Is.Null);
        Assert.That(MacLogin.DeviceMac("ABCD2345", "AA:BB:CC:DD:EE:FF"), Is.Null);
    }

    [Test]
    public void Session_class_round_trips_as_text_and_as_rlm_rest_hex()
    {
        var id = Guid.NewGuid();
        var text = SessionClass.For(id);
        var hex = "0x" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(text)).ToLowerInvariant();
        Assert.That(SessionClass.VoucherId(text), Is.EqualTo(id));
        Assert.That(SessionClass.VoucherId(hex), Is.EqualTo(id));
        Assert.That(SessionClass.VoucherId("0xzz"), Is.Null);
        Assert.That(SessionClass.VoucherId("hotspot-voucher:not-a-guid"), Is.Null);
        Assert.That(SessionClass.VoucherId("something else"), Is.Null);
        Assert.That(SessionClass.VoucherId(null), Is.Null);
    }
}
