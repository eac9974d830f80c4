namespace Hotspot.Domain.Auditing;

/// <summary>One line of the audit log: who did what, when, to which organization.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { Actor = ""; Action = ""; Details = ""; }

    public AuditEntry(Guid? organizationId, string actor, string action, string details, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(actor))
            throw DomainException.Validation("An audit entry needs an actor.");
        Id = Guid.NewGuid();
        OrganizationId = organizationId;
        Actor = actor;
        Action = action;
        Details = details;
        At = at;
    }

    public Guid Id { get; private set; }

    /// <summary>Null for platform-wide events (e.g. a platform admin signing in).</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The user id or name that made the change, or <c>system</c>.</summary>
    public string Actor { get; private set; }

    /// <summary>A stable dotted name, e.g. <c>payment_method.activated</c>.</summary>
    public string Action { get; private set; }

    /// <summary>Human-readable details. Never contains a secret.</summary>
    public string Details { get; private set; }

    public DateTime At { get; private set; }
}
