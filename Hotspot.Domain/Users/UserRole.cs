namespace Hotspot.Domain.Users;

public enum UserRole
{
    /// <summary>Runs the platform: sees and changes every organization.</summary>
    PlatformAdmin,

    /// <summary>Manages one organization.</summary>
    OrganizationAdmin,

    /// <summary>Reads one organization's data, changes nothing.</summary>
    OrganizationViewer,
}
