using Hotspot.Domain;
using Hotspot.Domain.Users;

namespace Hotspot.Tests.Domain;

public class UserTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Emails_are_stored_lower_case()
    {
        var user = User.Create(" Admin@Example.COM ", "hash", UserRole.PlatformAdmin, null, Now);
        Assert.That(user.Email, Is.EqualTo("admin@example.com"));
    }

    [TestCase("")]
    [TestCase("no-at-sign")]
    [TestCase("@example.com")]
    [TestCase("a@b@c")]
    [TestCase("a b@example.com")]
    public void Bad_emails_are_refused(string email) =>
        Assert.Throws<DomainException>(() => User.Create(email, "hash", UserRole.PlatformAdmin, null, Now));

    [Test]
    public void Platform_admins_have_no_organization_and_others_need_one()
    {
        Assert.Throws<DomainException>(() => User.Create("a@example.com", "hash", UserRole.PlatformAdmin, Guid.NewGuid(), Now));
        Assert.Throws<DomainException>(() => User.Create("a@example.com", "hash", UserRole.OrganizationAdmin, null, Now));
        Assert.Throws<DomainException>(() => User.Create("a@example.com", "hash", UserRole.OrganizationViewer, null, Now));
    }

    [Test]
    public void Roles_decide_what_a_user_may_read_and_change()
    {
        var mine = Guid.NewGuid();
        var other = Guid.NewGuid();
        var platform = User.Create("p@example.com", "hash", UserRole.PlatformAdmin, null, Now);
        var admin = User.Create("a@example.com", "hash", UserRole.OrganizationAdmin, mine, Now);
        var viewer = User.Create("v@example.com", "hash", UserRole.OrganizationViewer, mine, Now);

        Assert.That(platform.CanRead(other) && platform.CanChange(other), Is.True);
        Assert.That(admin.CanRead(mine) && admin.CanChange(mine), Is.True);
        Assert.That(admin.CanRead(other) || admin.CanChange(other), Is.False);
        Assert.That(viewer.CanRead(mine), Is.True);
        Assert.That(viewer.CanChange(mine) || viewer.CanRead(other), Is.False);

        admin.Deactivate();
        Assert.That(admin.CanRead(mine), Is.False);
    }
}
