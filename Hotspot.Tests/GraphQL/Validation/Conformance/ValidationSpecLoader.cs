using YamlDotNet.RepresentationModel;

namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>Reads the gqlparser-format validation data: <c>*.spec.yml</c>, <c>schemas.yml</c> and <c>deviations.yml</c>.</summary>
internal static class ValidationSpecLoader
{
    private static readonly Lazy<IReadOnlyList<string>> s_schemas = new(() => LoadSchemas(SharedData.ValidationDirectory));
    private static readonly Lazy<IReadOnlyList<ValidationSpecCase>> s_cases = new(() => LoadCases(SharedData.ValidationDirectory, s_schemas.Value));
    private static readonly Lazy<IReadOnlyList<ValidationDeviation>> s_deviations = new(() => LoadDeviations(SharedData.ValidationDirectory));

    public static IReadOnlyList<string> Schemas => s_schemas.Value;
    public static IReadOnlyList<ValidationSpecCase> Cases => s_cases.Value;
    public static IReadOnlyList<ValidationDeviation> Deviations => s_deviations.Value;

    public static ValidationDeviation? FindDeviation(ValidationSpecCase specCase)
    {
        foreach (ValidationDeviation deviation in Deviations)
        {
            if (deviation.Matches(specCase))
                return deviation;
        }
        return null;
    }

    public static IReadOnlyList<string> LoadSchemas(string directory)
    {
        var list = new List<string>();
        foreach (YamlNode node in (YamlSequenceNode)LoadRoot(Path.Combine(directory, "schemas.yml")))
            list.Add(((YamlScalarNode)node).Value ?? "");
        return list;
    }

    public static IReadOnlyList<ValidationSpecCase> LoadCases(string directory, IReadOnlyList<string> schemas)
    {
        var cases = new List<ValidationSpecCase>();
        foreach (string file in Directory.GetFiles(directory, "*.spec.yml").OrderBy(f => f, StringComparer.Ordinal))
        {
            string ruleFile = Path.GetFileName(file)[..^".spec.yml".Length];
            if (LoadRoot(file) is not YamlSequenceNode sequence)
                continue;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (YamlMappingNode item in sequence.Cast<YamlMappingNode>())
            {
                string schemaKey;
                string schema;
                var schemaNode = (YamlScalarNode)item["schema"];
                if (schemaNode.Style == YamlDotNet.Core.ScalarStyle.Plain && int.TryParse(schemaNode.Value, out int index))
                {
                    schemaKey = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    schema = schemas[index];
                }
                else
                {
                    schemaKey = "inline";
                    schema = schemaNode.Value ?? "";
                }
                string name = Scalar(item, "name");
                int occurrence = seen.GetValueOrDefault(name) + 1;
                seen[name] = occurrence;
                cases.Add(new ValidationSpecCase(
                    ruleFile,
                    Scalar(item, "rule"),
                    name,
                    schemaKey,
                    schema,
                    Scalar(item, "query"),
                    ReadErrors(item),
                    occurrence));
            }
        }
        return cases;
    }

    public static IReadOnlyList<ValidationDeviation> LoadDeviations(string directory)
    {
        var list = new List<ValidationDeviation>();
        if (LoadRoot(Path.Combine(directory, "deviations.yml")) is not YamlSequenceNode sequence)
            return list;
        foreach (YamlMappingNode item in sequence.Cast<YamlMappingNode>())
        {
            string? skip = item.Children.ContainsKey("skip") ? Scalar(item, "skip") : null;
            IReadOnlyList<ExpectedValidationError>? errors = item.Children.ContainsKey("errors") ? ReadErrors(item) : null;
            list.Add(new ValidationDeviation(Scalar(item, "rule"), skip, errors));
        }
        return list;
    }

    private static IReadOnlyList<ExpectedValidationError> ReadErrors(YamlMappingNode item)
    {
        var errors = new List<ExpectedValidationError>();
        if (!item.Children.TryGetValue("errors", out YamlNode? node) || node is not YamlSequenceNode sequence)
            return errors;
        foreach (YamlMappingNode error in sequence.Cast<YamlMappingNode>())
        {
            var locations = new List<(int, int)>();
            if (error.Children.TryGetValue("locations", out YamlNode? locs) && locs is YamlSequenceNode locSeq)
            {
                foreach (YamlMappingNode loc in locSeq.Cast<YamlMappingNode>())
                    locations.Add((int.Parse(Scalar(loc, "line")), int.Parse(Scalar(loc, "column"))));
            }
            errors.Add(new ExpectedValidationError(Scalar(error, "message"), locations));
        }
        return errors;
    }

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value ?? "";

    private static YamlNode LoadRoot(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }
}
