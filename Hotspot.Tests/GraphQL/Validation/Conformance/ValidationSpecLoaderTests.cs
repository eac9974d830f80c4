namespace Hotspot.Tests.GraphQL.Validation.Conformance;

[TestFixture]
public sealed class ValidationSpecLoaderTests
{
    [Test]
    public void Loads_all_432_cases_with_their_schemas()
    {
        IReadOnlyList<ValidationSpecCase> cases = ValidationSpecLoader.Cases;

        Assert.That(cases, Has.Count.EqualTo(432));
        Assert.That(cases.Select(c => c.DisplayName).Distinct().Count(), Is.EqualTo(432), "display names are unique");
        Assert.That(cases.Where(c => c.SchemaKey == "inline").Select(c => c.Name),
            Is.EquivalentTo(new[] { "custom repeatable directives in same location", "duplicate custom non-repeatable directives in one location" }));
        Assert.That(cases.All(c => c.Schema.Contains("type ", StringComparison.Ordinal)), "every case has a schema with types");
    }

    [Test]
    public void Reads_expected_errors_with_locations()
    {
        ValidationSpecCase misplaced = ValidationSpecLoader.Cases.Single(c => c.Key == "KnownDirectivesRule/with misplaced directives");

        Assert.That(misplaced.Errors, Has.Count.EqualTo(12));
        Assert.That(misplaced.Errors[0].Message, Is.EqualTo("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION."));
        Assert.That(misplaced.Errors[0].Locations, Is.EqualTo(new[] { (2, 28) }));
        // Mappings written as {column: 19, line: 12} still read as line 12, column 19.
        Assert.That(misplaced.Errors[7].Locations, Is.EqualTo(new[] { (12, 19) }));
    }

    [Test]
    public void Deviations_match_by_rule_file_and_case_name()
    {
        ValidationSpecCase custom = ValidationSpecLoader.Cases.Single(c =>
            c.Key == "ValuesOfCorrectTypeRule/Invalid input object value/reports error for custom scalar that returns undefined");
        ValidationSpecCase plain = ValidationSpecLoader.Cases.Single(c => c.Key == "KnownDirectivesRule/with no directives");

        Assert.That(ValidationSpecLoader.FindDeviation(custom)?.SkipReason, Does.StartWith("Custom scalars are a runtime feature"));
        Assert.That(ValidationSpecLoader.FindDeviation(plain), Is.Null);
    }
}
