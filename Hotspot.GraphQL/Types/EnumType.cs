using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// An enum type. Values serialize to their names; a C# enum returned by a resolver is matched by its name, as
/// written or in UPPER_SNAKE_CASE (<c>PaymentMethod.KopoKopo</c> → <c>KOPO_KOPO</c>).
/// </summary>
public sealed class EnumType : LeafType
{
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<object, EnumValueDefinition> _byValue = new();

    public EnumType(
        string name,
        IReadOnlyList<EnumValueDefinition> values,
        string? description = null,
        IReadOnlyList<DirectiveNode>? directives = null,
        EnumTypeDefinitionNode? astNode = null,
        IReadOnlyList<TypeExtensionNode>? extensionAstNodes = null)
        : base(name, description, directives, astNode, extensionAstNodes)
    {
        Values = values;
        foreach (var value in values)
        {
            _byName.TryAdd(value.Name, value);
            _byValue.TryAdd(value.Value, value);
        }
    }

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValueDefinition> Values { get; }

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    public override object? Serialize(object? value)
    {
        if (value is not null)
        {
            if (_byValue.TryGetValue(value, out var match))
            {
                return match.Name;
            }

            if (value is Enum clrEnum)
            {
                var clrName = clrEnum.ToString();
                if (_byName.TryGetValue(clrName, out match) || _byName.TryGetValue(ToUpperSnake(clrName), out match))
                {
                    return match.Name;
                }
            }
        }

        throw new GraphQLCoercionException($"Enum \"{Name}\" cannot represent value: {ValueInspector.Inspect(value)}");
    }

    public override object? ParseValue(object? value)
    {
        var input = InputValues.Unwrap(value);
        if (input is not string name)
        {
            throw new GraphQLCoercionException(
                $"Enum \"{Name}\" cannot represent non-string value: {ValueInspector.Inspect(input)}." + Suggest(ValueInspector.Inspect(input)));
        }

        return _byName.TryGetValue(name, out var match)
            ? match.Value
            : throw new GraphQLCoercionException($"Value \"{name}\" does not exist in \"{Name}\" enum." + Suggest(name));
    }

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var printed = Printer.Print(literal);
        if (literal is not EnumValueNode node)
        {
            throw new GraphQLCoercionException($"Enum \"{Name}\" cannot represent non-enum value: {printed}." + Suggest(printed));
        }

        return _byName.TryGetValue(node.Value, out var match)
            ? match.Value
            : throw new GraphQLCoercionException($"Value \"{printed}\" does not exist in \"{Name}\" enum." + Suggest(printed));
    }

    private string Suggest(string unknown) =>
        DidYouMean.Format(DidYouMean.SuggestionList(unknown, Values.Select(v => v.Name)), "the enum value");

    private static string ToUpperSnake(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
