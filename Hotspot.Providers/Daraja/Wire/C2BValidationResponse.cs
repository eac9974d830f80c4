namespace Hotspot.Providers.Daraja.Wire;

/// <summary>
/// What we answer to a C2B validation: <c>"0"</c>/<c>Accepted</c>, or a <c>C2B000xx</c> code/<c>Rejected</c>.
/// </summary>
public sealed record C2BValidationResponse(string ResultCode, string ResultDesc, string? ThirdPartyTransID = null)
{
    public static C2BValidationResponse Accept() => new("0", "Accepted");

    /// <param name="code">C2B00011 MSISDN, C2B00012 account number, C2B00013 amount, C2B00014 KYC, C2B00015 short code, C2B00016 other.</param>
    public static C2BValidationResponse Reject(string code) => new(code, "Rejected");
}
