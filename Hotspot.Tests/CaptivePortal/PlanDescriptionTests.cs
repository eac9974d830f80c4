using Hotspot.Api.Portal;

namespace Hotspot.Tests.CaptivePortal;

public class PlanDescriptionTests
{
    [TestCase(30 * 60, "30 minutes")]
    [TestCase(60 * 60, "1 hour")]
    [TestCase(3 * 60 * 60, "3 hours")]
    [TestCase(90 * 60, "1 h 30 min")]
    [TestCase(24 * 60 * 60, "1 day")]
    [TestCase(7 * 24 * 60 * 60, "1 week")]
    [TestCase(30 * 24 * 60 * 60, "30 days")]
    public void Durations_read_as_a_customer_says_them(int seconds, string expected) =>
        Assert.That(PlanDescription.Duration(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [TestCase(500L * 1024 * 1024, "500 MB")]
    [TestCase(2L * 1024 * 1024 * 1024, "2 GB")]
    [TestCase(1536L * 1024 * 1024, "1.5 GB")]
    public void Data_caps(long bytes, string expected) => Assert.That(PlanDescription.Data(bytes), Is.EqualTo(expected));

    [TestCase(512, "512 kbps")]
    [TestCase(5000, "5 Mbps")]
    public void Speeds(long kbps, string expected) => Assert.That(PlanDescription.Speed(kbps), Is.EqualTo(expected));

    [Test]
    public void Prices_are_whole_shillings_with_thousands_separators() =>
        Assert.That(PlanDescription.Price(1500), Is.EqualTo("KES 1,500"));
}
