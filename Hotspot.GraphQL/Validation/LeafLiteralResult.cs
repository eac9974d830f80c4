namespace Hotspot.GraphQL.Validation;

/// <summary>
/// Whether a literal is valid for a leaf type: valid, invalid with the type's own message (graphql-js's
/// <c>parseLiteral</c> throwing), or invalid without one (graphql-js's <c>parseLiteral</c> returning undefined).
/// </summary>
internal readonly record struct LeafLiteralResult(bool IsValid, string? Error)
{
    public static readonly LeafLiteralResult Valid = new(true, null);
    public static readonly LeafLiteralResult InvalidWithoutMessage = new(false, null);

    public static LeafLiteralResult Invalid(string message) => new(false, message);
}
