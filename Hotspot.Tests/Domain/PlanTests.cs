using Hotspot.Domain;
using Hotspot.Domain.Plans;

namespace Hotspot.Tests.Domain;

public class PlanTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_plan_keeps_its_price_in_whole_shillings_and_its_limits()
    {
        var plan = Plan.Create(Guid.NewGuid(), new PlanSettings(" Daily ", 50, TimeSpan.FromDays(1), 1_000_000_000, 2048, 5120, 2), Now);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Name, Is.EqualTo("Daily"));
            Assert.That(plan.PriceKes, Is.EqualTo(50L));
            Assert.That(plan.Duration, Is.EqualTo(TimeSpan.FromDays(1)));
            Assert.That(plan.DataCapBytes, Is.EqualTo(1_000_000_000L));
            Assert.That(plan.UploadRateKbps, Is.EqualTo(2048L));
            Assert.That(plan.DownloadRateKbps, Is.EqualTo(5120L));
            Assert.That(plan.MaxDevices, Is.EqualTo(2));
            Assert.That(plan.IsActive, Is.True);
        });
    }

    [TestCase("", 50, 60, 1, "name")]
    [TestCase("Hour", 0, 60, 1, "price")]
    [TestCase("Hour", -5, 60, 1, "price")]
    [TestCase("Hour", 250_001, 60, 1, "price")]
    [TestCase("Hour", 50, 30, 1, "duration")]
    [TestCase("Hour", 50, 60, 0, "maxDevices")]
    [TestCase("Hour", 50, 60, 101, "maxDevices")]
    public void Invalid_plans_are_refused_naming_the_field(string name, long price, int seconds, int devices, string field)
    {
        var error = Assert.Throws<DomainException>(() =>
            Plan.Create(Guid.NewGuid(), new PlanSettings(name, price, TimeSpan.FromSeconds(seconds), MaxDevices: devices), Now));
        Assert.That(error!.Message, Does.Contain(field));
    }

    [Test]
    public void Limits_must_be_positive_when_given()
    {
        Assert.Throws<DomainException>(() => Plan.Create(Guid.NewGuid(), new PlanSettings("x", 10, TimeSpan.FromHours(1), DataCapBytes: 0), Now));
        Assert.Throws<DomainException>(() => Plan.Create(Guid.NewGuid(), new PlanSettings("x", 10, TimeSpan.FromHours(1), UploadRateKbps: -1), Now));
    }

    [Test]
    public void Archiving_takes_a_plan_off_sale_and_updates_change_it()
    {
        var plan = Plan.Create(Guid.NewGuid(), new PlanSettings("Hour", 20, TimeSpan.FromHours(1)), Now);
        plan.Update(new PlanSettings("Two hours", 30, TimeSpan.FromHours(2)), Now.AddDays(1));
        Assert.That(plan.Name, Is.EqualTo("Two hours"));
        Assert.That(plan.UpdatedAt, Is.EqualTo(Now.AddDays(1)));
        plan.Archive(Now);
        Assert.That(plan.IsActive, Is.False);
        plan.Restore(Now);
        Assert.That(plan.IsActive, Is.True);
    }
}
