namespace Hotspot.Providers.Simulation;

/// <summary>What a simulated payment does, chosen by the phone number (like card networks' test cards).</summary>
public enum SandboxOutcome
{
    Success,
    CancelledByUser,
    PhoneUnreachable,
    InsufficientFunds,
    WrongPin,

    /// <summary>The payment succeeds but no callback is ever sent; only a query reveals it.</summary>
    LostCallback,

    /// <summary>The success callback is delivered twice.</summary>
    DuplicateCallback,

    /// <summary>The success callback arrives late (30 s by default).</summary>
    LateCallback,

    /// <summary>The provider answers the request itself with HTTP 500 (Daraja: spike arrest).</summary>
    ProviderError,
}
