namespace Hotspot.Domain.Payments.Gateways;

/// <summary>How a started payment is found again at the provider.</summary>
/// <param name="ProviderRequestId">Daraja <c>CheckoutRequestID</c>; Kopo Kopo incoming payment id.</param>
/// <param name="SecondaryId">Daraja <c>MerchantRequestID</c>; unused by Kopo Kopo.</param>
/// <param name="StatusLocation">Kopo Kopo <c>Location</c> of the payment; unused by Daraja.</param>
public sealed record PaymentReference(string ProviderRequestId, string? SecondaryId = null, Uri? StatusLocation = null);
