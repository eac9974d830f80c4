using System.Text.Json;

namespace Hotspot.Api.Apis;

/// <summary>The body of <c>POST /api/hotspot/purchase-voucher</c>, read field by field so each mistake is named.</summary>
public sealed record PurchaseRequest(Guid OrganizationId, Guid PlanId, string PhoneNumber, string? MacAddress)
{
    public static (PurchaseRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        var organizationId = RequiredGuid(body, "organizationId", errors);
        var planId = RequiredGuid(body, "planId", errors);
        var phone = RequiredString(body, "phoneNumber", errors);
        string? mac = null;
        if (body.TryGetProperty("macAddress", out var macValue))
        {
            if (macValue.ValueKind == JsonValueKind.String)
                mac = macValue.GetString();
            else if (macValue.ValueKind != JsonValueKind.Null)
                errors["macAddress"] = [$"macAddress must be a string, not {RequestBodies.Describe(macValue.ValueKind)}."];
        }
        return errors.Count == 0 ? (new PurchaseRequest(organizationId, planId, phone!, mac), errors) : (null, errors);
    }

    private static Guid RequiredGuid(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            errors[name] = [$"{name} is required."];
        else if (value.ValueKind != JsonValueKind.String)
            errors[name] = [$"{name} must be a string (a UUID), not {RequestBodies.Describe(value.ValueKind)}."];
        else if (!Guid.TryParse(value.GetString(), out var id))
            errors[name] = [$"{name} is not a UUID."];
        else
            return id;
        return Guid.Empty;
    }

    private static string? RequiredString(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            errors[name] = [$"{name} is required."];
        else if (value.ValueKind != JsonValueKind.String)
            errors[name] = [$"{name} must be a string, not {RequestBodies.Describe(value.ValueKind)}."];
        else
            return value.GetString();
        return null;
    }
}
