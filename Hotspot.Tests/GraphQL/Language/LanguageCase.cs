using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>One case of gqlparser's language YAML (lexer_test.yml, query_test.yml, schema_test.yml).</summary>
public sealed class LanguageCase
{
    public string Name { get; set; } = string.Empty;

    public string Input { get; set; } = string.Empty;

    public List<ExpectedToken>? Tokens { get; set; }

    public ExpectedError? Error { get; set; }

    public string? Ast { get; set; }

    /// <summary>"file / section / name", the key used for deviations.</summary>
    [YamlIgnore]
    public string Key { get; set; } = string.Empty;

    public override string ToString() => Key;

    public static IEnumerable<LanguageCase> Load(string fileName)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        var text = File.ReadAllText(ConformanceFiles.LanguageFile(fileName));
        var sections = deserializer.Deserialize<Dictionary<string, List<LanguageCase>>>(text);
        var file = Path.GetFileNameWithoutExtension(fileName);
        foreach (var (section, cases) in sections)
        {
            foreach (var item in cases)
            {
                item.Key = $"{file} / {section} / {item.Name}";
                yield return item;
            }
        }
    }
}

public sealed class ExpectedToken
{
    public string Kind { get; set; } = string.Empty;

    public int? Start { get; set; }

    public int? End { get; set; }

    public int? Line { get; set; }

    public int? Column { get; set; }

    public string? Value { get; set; }
}

public sealed class ExpectedError
{
    public string Message { get; set; } = string.Empty;

    public List<ExpectedLocation> Locations { get; set; } = [];
}

public sealed class ExpectedLocation
{
    public int Line { get; set; }

    public int Column { get; set; }
}
