using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Users;

namespace Hotspot.Api.GraphQL;

// The input objects of schema.graphql, read by the engine's argument converter (names match case-insensitively).

public sealed record LoginInput(string Email, string Password);

public sealed record CreateOrganizationInput(string Name);

public sealed record CreateUserInput(string Email, string Password, UserRole Role, string? OrganizationId);

public sealed record MpesaConfigurationInput(
    PaymentEnvironment Environment, string ShortCode, MpesaTransactionType TransactionType, string? TillNumber,
    string ConsumerKey, string ConsumerSecret, string Passkey, string? InitiatorName, string? InitiatorPassword)
{
    // Records print every property; this input holds secrets.
    public override string ToString() => $"MpesaConfigurationInput {{ ShortCode = {ShortCode} }}";
}

public sealed record KopoKopoConfigurationInput(
    PaymentEnvironment Environment, string ClientId, string ClientSecret, string ApiKey, string BusinessName, string TillNumber)
{
    public override string ToString() => $"KopoKopoConfigurationInput {{ TillNumber = {TillNumber} }}";
}

public sealed record SetPaymentMethodInput(PaymentMethodType? PaymentMethod);

public sealed record PlanInput(
    string Name, long PriceKes, long DurationSeconds, long? DataCapBytes, long? UploadRateKbps, long? DownloadRateKbps, int MaxDevices = 1);

public sealed record RegisterRouterInput(
    string Name, string? NasIdentifier, string? IpAddress, RouterAttributeProfile AttributeProfile = RouterAttributeProfile.Mikrotik);

public sealed record GenerateVouchersInput(string PlanId, int Count, string? Prefix);

public sealed record RefundPurchaseInput(long? AmountKes, string? Reason);

public sealed record SendMoneyInput(string PhoneNumber, long AmountKes, string Reason);

public sealed record GenerateVouchersPayload(Guid BatchId, IReadOnlyList<Hotspot.Domain.Vouchers.Voucher> Vouchers);

public sealed record LoginPayload(string Token, DateTime ExpiresAt, User User);
