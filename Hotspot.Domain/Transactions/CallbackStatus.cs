namespace Hotspot.Domain.Transactions;

/// <summary>What became of a stored provider callback.</summary>
public enum CallbackStatus
{
    /// <summary>Stored raw; not yet applied.</summary>
    Received,

    /// <summary>It confirmed a payment and settled its purchase.</summary>
    Settled,

    /// <summary>Applied without settling (a failure or cancellation, an informational event).</summary>
    Processed,

    /// <summary>Could not be applied (amount differs, unknown request, too late): kept for a human.</summary>
    NeedsReview,
}
