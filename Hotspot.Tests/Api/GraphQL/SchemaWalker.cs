using System.Text;
using System.Text.Json.Nodes;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>
/// Builds queries from the served schema's introspection: a selection of every field reachable from a type
/// (to a depth), and arguments for every mutation from a value picker. New fields are walked without test edits.
/// </summary>
internal sealed class SchemaWalker
{
    public const string IntrospectionQuery = """
        { __schema { types { name kind
            fields { name args { name type { ...Ref } } type { ...Ref } }
            inputFields { name type { ...Ref } }
            enumValues { name } } } }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    private readonly Dictionary<string, JsonObject> _types;

    public SchemaWalker(JsonObject introspection)
    {
        _types = introspection["data"]!["__schema"]!["types"]!.AsArray()
            .Select(t => t!.AsObject())
            .ToDictionary(t => t["name"]!.GetValue<string>());
    }

    public IEnumerable<JsonObject> Fields(string typeName) => _types[typeName]["fields"]!.AsArray().Select(f => f!.AsObject());

    public bool IsLeaf(JsonObject field) => _types[NamedType(field["type"]!)]["kind"]!.GetValue<string>() is "SCALAR" or "ENUM";

    public static string Name(JsonObject field) => field["name"]!.GetValue<string>();

    /// <summary>Every field of <paramref name="typeName"/> and, nested, of the types it leads to (fields with required arguments get them from the picker).</summary>
    public string Selection(string typeName, int depth, Func<string, JsonNode, string>? argument = null)
    {
        var builder = new StringBuilder("{ __typename");
        foreach (var field in Fields(typeName))
        {
            var named = NamedType(field["type"]!);
            var kind = _types[named]["kind"]!.GetValue<string>();
            var required = field["args"]!.AsArray().Where(a => a!["type"]!["kind"]!.GetValue<string>() == "NON_NULL").ToList();
            if (required.Count > 0 && argument is null) continue;
            var args = required.Count == 0 ? "" : "(" + string.Join(", ", required.Select(a => $"{Name(a!.AsObject())}: {argument!(Name(a!.AsObject()), a["type"]!)}")) + ")";
            if (kind is "SCALAR" or "ENUM") builder.Append(' ').Append(Name(field)).Append(args);
            else if (depth > 0) builder.Append(' ').Append(Name(field)).Append(args).Append(' ').Append(Selection(named, depth - 1, argument));
        }
        return builder.Append(" }").ToString();
    }

    /// <summary>A literal for an argument or input field of the given type; <paramref name="scalar"/> picks leaf values by name.</summary>
    public string Literal(JsonNode type, string name, Func<string, string, string> scalar)
    {
        var kind = type["kind"]!.GetValue<string>();
        if (kind == "NON_NULL") return Literal(type["ofType"]!, name, scalar);
        if (kind == "LIST") return "[" + Literal(type["ofType"]!, name, scalar) + "]";
        var typeName = type["name"]!.GetValue<string>();
        var definition = _types[typeName];
        return definition["kind"]!.GetValue<string>() switch
        {
            "ENUM" => definition["enumValues"]!.AsArray()[^1]!["name"]!.GetValue<string>(),
            "INPUT_OBJECT" => "{ " + string.Join(", ", definition["inputFields"]!.AsArray()
                .Where(f => Name(f!.AsObject()) is not ("and" or "or"))
                .Select(f => $"{Name(f!.AsObject())}: {Literal(f["type"]!, Name(f.AsObject()), scalar)}")) + " }",
            _ => scalar(typeName, name),
        };
    }

    public static string NamedType(JsonNode type) =>
        type["kind"]!.GetValue<string>() is "NON_NULL" or "LIST" ? NamedType(type["ofType"]!) : type["name"]!.GetValue<string>();
}
