using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Validation;

namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>
/// graphql-js's validation tests (gqlparser's YAML export, read from ../shared at test time): each case runs its
/// one rule alone, as graphql-js's harness does, and must give the same errors, messages and locations in order.
/// Cases <c>deviations.yml</c> marks <c>skip</c> are ignored with the reason in the test name, except skips that
/// only reflect gqlparser's own limits (<see cref="s_inapplicableSkips"/>, each with its reason). Three cases whose
/// stored data drifted from graphql-js's test are corrected first (<see cref="ValidationDataCorrections"/>).
/// </summary>
[TestFixture]
public sealed class ValidationConformanceTests
{
    // Skips that reflect gqlparser's own limits or opinions, not graphql-js's behaviour; these cases run here.
    private static readonly string[] s_inapplicableSkips =
    [
        // gqlparser cannot parse schema syntax inside a query document; our parser reads both.
        "ExecutableDefinitionsRule/.*",
        "KnownDirectivesRule/within schema language/with misplaced directives",
        "KnownTypeNamesRule/ignores type definitions",
        // gqlparser does not ship graphql-js's optional rule; this engine does (outside the default rule set).
        "NoDeprecatedCustomRule/.*",
        // gqlparser's algorithm differs; this engine follows graphql-js 16.15's and gives its answer.
        "OverlappingFieldsCanBeMergedRule/return types must be unambiguous/reports correctly when a non-exclusive follows an exclusive",
        // gqlparser always adds every standard scalar; our schema builder, like graphql-js, only the referenced ones.
        "KnownTypeNamesRule/references to standard scalars that are missing in schema",
        // A case key, not a pattern: a scalar declared in SDL without hooks accepts any literal, as in graphql-js.
        "ValuesOfCorrectTypeRule/Invalid input object value/allows custom scalar to accept complex literals",
    ];
    // Still skipped: NoSchemaIntrospectionCustomRule (the rule exists, but its cases' schema declares a field of
    // type __EnumValue, which our SchemaBuilder refuses; DocumentValidatorTests covers the rule) and the custom
    // scalar whose graphql-js parse hook returns undefined, which a schema in SDL cannot express.

    public static IEnumerable<TestCaseData> Cases() => SharedFolder.CasesFrom(SharedData.ValidationFolder, LoadCases);

    private static IEnumerable<TestCaseData> LoadCases()
    {
        foreach (ValidationSpecCase specCase in ValidationSpecLoader.Cases)
        {
            ValidationDeviation? deviation = ValidationSpecLoader.FindDeviation(specCase);
            if (deviation?.SkipReason is not null &&
                Array.IndexOf(s_inapplicableSkips, deviation.Pattern) < 0 &&
                Array.IndexOf(s_inapplicableSkips, specCase.Key) < 0)
            {
                yield return new TestCaseData(specCase)
                    .SetName($"{specCase.DisplayName} [skipped: {deviation.SkipReason}]")
                    .Ignore("deviations.yml: " + deviation.SkipReason);
                continue;
            }
            string? correction = ValidationDataCorrections.Apply(specCase).Reason;
            yield return new TestCaseData(specCase)
                .SetName(correction is null ? specCase.DisplayName : $"{specCase.DisplayName} [data corrected: {correction}]");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Case(ValidationSpecCase specCase)
    {
        var (schemaText, query, correctedErrors, _) = ValidationDataCorrections.Apply(specCase);
        IReadOnlyList<ExpectedValidationError> expected =
            correctedErrors ?? ValidationSpecLoader.FindDeviation(specCase)?.Errors ?? specCase.Errors;

        DocumentNode document = Parser.Parse(query);
        var schema = ConformanceSchemas.Get(schemaText);
        IReadOnlyList<GraphQLError> actual = DocumentValidator.Validate(schema, document, [RuleFactory(specCase.Rule)]);

        Assert.That(Describe(actual), Is.EqualTo(Describe(expected)), $"query:\n{query}");
    }

    private static ValidationRuleFactory RuleFactory(string rule)
    {
        Type? type = typeof(DocumentValidator).Assembly.GetType("Hotspot.GraphQL.Validation.Rules." + rule + "Rule");
        Assert.That(type, Is.Not.Null, $"no rule class for {rule}");
        return context => (ValidationRule)Activator.CreateInstance(type!, context)!;
    }

    private static List<string> Describe(IReadOnlyList<GraphQLError> errors) =>
        errors.Select(e => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).ToList();

    private static List<string> Describe(IReadOnlyList<ExpectedValidationError> errors) =>
        errors.Select(e => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).ToList();
}
