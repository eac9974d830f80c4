namespace Hotspot.Domain.Payments.Gateways;

public enum GatewayErrorKind
{
    /// <summary>The request was refused as malformed (bad field, bad phone number, bad amount).</summary>
    InvalidRequest,

    /// <summary>The provider refused the credentials or the token.</summary>
    InvalidCredentials,

    /// <summary>Too many requests (spike arrest, quota); retry later.</summary>
    RateLimited,

    /// <summary>The provider failed or could not be reached.</summary>
    ProviderUnavailable,

    /// <summary>A callback or result that is malformed or not authentic.</summary>
    InvalidCallback,

    /// <summary>The provider does not offer this operation.</summary>
    NotSupported,

    /// <summary>Anything else the provider answered.</summary>
    ProviderRejected,
}
