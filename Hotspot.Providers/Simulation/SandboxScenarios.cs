namespace Hotspot.Providers.Simulation;

/// <summary>The sandbox simulators' test phone numbers (README "Sandbox simulators").</summary>
public static class SandboxScenarios
{
    public const string SuccessPhone = "254708374149";
    public const string CancelledPhone = "254700000001";
    public const string UnreachablePhone = "254700000002";
    public const string InsufficientFundsPhone = "254700000003";
    public const string WrongPinPhone = "254700000004";
    public const string LostCallbackPhone = "254700000005";
    public const string DuplicateCallbackPhone = "254700000006";
    public const string LateCallbackPhone = "254700000007";
    public const string ProviderErrorPhone = "254700000008";

    /// <summary>Accepts <c>2547...</c> or <c>+2547...</c>; any other number succeeds.</summary>
    public static SandboxOutcome For(string phoneNumber) => phoneNumber.TrimStart('+') switch
    {
        CancelledPhone => SandboxOutcome.CancelledByUser,
        UnreachablePhone => SandboxOutcome.PhoneUnreachable,
        InsufficientFundsPhone => SandboxOutcome.InsufficientFunds,
        WrongPinPhone => SandboxOutcome.WrongPin,
        LostCallbackPhone => SandboxOutcome.LostCallback,
        DuplicateCallbackPhone => SandboxOutcome.DuplicateCallback,
        LateCallbackPhone => SandboxOutcome.LateCallback,
        ProviderErrorPhone => SandboxOutcome.ProviderError,
        _ => SandboxOutcome.Success,
    };

    /// <summary>The M-Pesa result code and description a failed outcome produces; null for successes.</summary>
    public static (int Code, string Description)? Failure(SandboxOutcome outcome) => outcome switch
    {
        SandboxOutcome.CancelledByUser => (1032, "Request cancelled by user"),
        SandboxOutcome.PhoneUnreachable => (1037, "DS timeout user cannot be reached"),
        SandboxOutcome.InsufficientFunds => (1, "The balance is insufficient for the transaction"),
        SandboxOutcome.WrongPin => (2001, "The initiator information is invalid."),
        _ => null,
    };
}
