namespace Hotspot.Api.Payments;

/// <summary>What became of a delivery; the route answers the provider from it and counts it (<c>hotspot_payment_callbacks_total</c>).</summary>
public enum CallbackResult
{
    /// <summary>Stored and applied: it failed or cancelled a purchase, repeated a known outcome, or informs.</summary>
    Accepted,

    /// <summary>Stored, and it paid its purchase (voucher issued).</summary>
    Settled,

    /// <summary>Stored, and it is money a human must decide about (no purchase, wrong amount or currency, paid twice).</summary>
    Review,

    /// <summary>Already received: nothing changed.</summary>
    Duplicate,

    /// <summary>Wrong token or signature: stored for review, applied to nothing.</summary>
    Unauthorized,

    /// <summary>No such organization (or callback type): nothing stored.</summary>
    NotFound,

    /// <summary>Not a readable callback: stored for review.</summary>
    Malformed,
}
