using System.Text.Json;

namespace Hotspot.Api.Apis;

/// <summary>The body of <c>POST /api/hotspot/purchase-voucher</c>, read field by field so each mistake is named.</summary>
public sealed record PurchaseRequest(Guid OrganizationId, Guid PlanId, string PhoneNumber, string? MacAddress)
{
    public static (PurchaseRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        var organizationId = RequestFields.RequiredGuid(body, "organizationId", errors);
        var planId = RequestFields.RequiredGuid(body, "planId", errors);
        var phone = RequestFields.RequiredString(body, "phoneNumber", errors);
        var mac = RequestFields.OptionalString(body, "macAddress", errors);
        return errors.Count == 0 ? (new PurchaseRequest(organizationId, planId, phone!, mac), errors) : (null, errors);
    }
}
