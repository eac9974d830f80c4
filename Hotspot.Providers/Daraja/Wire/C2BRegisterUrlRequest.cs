namespace Hotspot.Providers.Daraja.Wire;

/// <summary><c>POST /mpesa/c2b/v1/registerurl</c> or <c>/v2/registerurl</c>. <c>ResponseType</c> is <c>Completed</c> or <c>Cancelled</c>.</summary>
public sealed record C2BRegisterUrlRequest(string ShortCode, string ResponseType, string ConfirmationURL, string ValidationURL);
