namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>One case of a gqlparser-format <c>*.spec.yml</c> file (a graphql-js validation test).</summary>
/// <param name="RuleFile">The file's base name, e.g. <c>NoUnusedVariablesRule</c>; deviations match against it.</param>
/// <param name="Rule">The case's <c>rule</c> field, e.g. <c>NoUnusedVariables</c>.</param>
/// <param name="Schema">The schema SDL (from <c>schemas.yml</c> by index, or given inline).</param>
/// <param name="SchemaKey">The schema index, or "inline", for caching and diagnostics.</param>
public sealed record ValidationSpecCase(
    string RuleFile,
    string Rule,
    string Name,
    string SchemaKey,
    string Schema,
    string Query,
    IReadOnlyList<ExpectedValidationError> Errors,
    int Occurrence = 1)
{
    /// <summary>The key deviations are matched against: <c>RuleFile/Name</c>.</summary>
    public string Key => RuleFile + "/" + Name;

    /// <summary>A unique display name: graphql-js repeats a few test names inside one file, so repeats get "#2".</summary>
    public string DisplayName => Occurrence == 1 ? Key : Key + " #" + Occurrence;

    public override string ToString() => DisplayName;
}

public sealed record ExpectedValidationError(string Message, IReadOnlyList<(int Line, int Column)> Locations)
{
    public override string ToString() =>
        Message + " @ " + string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"));
}

/// <summary>An entry of <c>deviations.yml</c>: a regex over <c>RuleFile/Name</c>, and either a skip reason or replacement errors.</summary>
internal sealed record ValidationDeviation(string Pattern, string? SkipReason, IReadOnlyList<ExpectedValidationError>? Errors)
{
    private readonly System.Text.RegularExpressions.Regex _regex = new("^(?:" + Pattern + ")$");

    public bool Matches(ValidationSpecCase specCase) =>
        _regex.IsMatch(specCase.Key) || _regex.IsMatch(specCase.Rule + "/" + specCase.Name);
}
