namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>
/// Cases where gqlparser's export no longer matches the graphql-js test it came from, and how the harness
/// restores the original. Each was checked against graphql-js 16.15 itself: with the stored data graphql-js
/// gives a different answer than the stored one; with the correction it gives exactly the stored errors.
/// </summary>
internal static class ValidationDataCorrections
{
    private const string InjectedTypesMarker = "# injected becuase upstream spec is missing some types";

    public static (string Schema, string Query, IReadOnlyList<ExpectedValidationError>? Errors, string? Reason) Apply(ValidationSpecCase specCase)
    {
        switch (specCase.Key)
        {
            case "OverlappingFieldsCanBeMergedRule/reports deep conflict after nested fragments":
            case "OverlappingFieldsCanBeMergedRule/finds invalid cases even with field named after fragment":
                // graphql-js's test schema has no types T or Type; gqlparser injects them into schema 0. With them
                // the fragments' parents are object types exclusive of QueryRoot, and graphql-js reports nothing.
                int cut = specCase.Schema.IndexOf(InjectedTypesMarker, StringComparison.Ordinal);
                return cut < 0
                    ? (specCase.Schema, specCase.Query, null, null)
                    : (specCase.Schema[..cut], specCase.Query, null, "schema without gqlparser's injected types");
            case "UniqueDirectivesPerLocationRule/duplicate custom non-repeatable directives in one location":
                // A case gqlparser wrote itself (graphql-js has no such test). Its columns (13, 35) fit no indentation
                // of the stored query; graphql-js reports the two directives at 2:9 and 2:30, as this engine does.
                return (specCase.Schema, specCase.Query,
                    [new ExpectedValidationError(specCase.Errors[0].Message, [(2, 9), (2, 30)])],
                    "columns as graphql-js reports them");
            default:
                return (specCase.Schema, specCase.Query, null, null);
        }
    }
}
