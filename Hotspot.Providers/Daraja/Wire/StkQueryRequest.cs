namespace Hotspot.Providers.Daraja.Wire;

/// <summary><c>POST /mpesa/stkpushquery/v1/query</c>.</summary>
public sealed record StkQueryRequest(long BusinessShortCode, string Password, string Timestamp, string CheckoutRequestID);
