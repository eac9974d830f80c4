using System.Text.Json;

namespace Hotspot.Api.Apis;

/// <summary>
/// The body of <c>POST /api/payments/kopokopo/pay</c>, read field by field so each mistake is named. Phone number,
/// amount range and reason are checked by <see cref="GraphQL.PaymentAdministration.SendMoneyAsync"/>, as for the
/// GraphQL mutation.
/// </summary>
public sealed record PayRequest(Guid OrganizationId, string? PhoneNumber, long AmountKes, string? Reason)
{
    public static (PayRequest? Request, Dictionary<string, string[]> Errors) Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        var organizationId = RequestFields.RequiredGuid(body, "organizationId", errors);
        var phone = RequestFields.OptionalString(body, "phoneNumber", errors);
        var amount = RequestFields.RequiredWholeNumber(body, "amountKes", errors);
        var reason = RequestFields.OptionalString(body, "reason", errors);
        return errors.Count == 0 ? (new PayRequest(organizationId, phone, amount, reason), errors) : (null, errors);
    }
}
