namespace Hotspot.Api.Payments;

/// <summary>What a callback route answers the provider.</summary>
public enum CallbackAnswer
{
    /// <summary>Stored (and applied, when it settles or fails a purchase).</summary>
    Accepted,

    /// <summary>Already received: nothing changed.</summary>
    Duplicate,

    /// <summary>Wrong token or signature: stored for review, applied to nothing.</summary>
    Unauthorized,

    /// <summary>No such organization (or callback type): nothing stored.</summary>
    NotFound,

    /// <summary>Not a readable callback: stored for review.</summary>
    Malformed,
}
