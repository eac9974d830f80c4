using System.Globalization;
using System.Text;

namespace Hotspot.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL source in graphql-js's layout (two-space indentation, field arguments wrapped
/// past 80 columns, block strings kept as block strings), so that <c>Parse(Print(doc))</c> gives the same tree.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node) => node switch
    {
        NameNode n => n.Value,
        VariableNode n => "$" + n.Name.Value,
        DocumentNode n => JoinNodes(n.Definitions, "\n\n"),
        OperationDefinitionNode n => PrintOperation(n),
        VariableDefinitionNode n => Description(n.Description) + Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOptional(n.DefaultValue)) +
                                    Wrap(" ", JoinNodes(n.Directives, " ")),
        SelectionSetNode n => Block(n.Selections),
        FieldNode n => PrintField(n),
        ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
        FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", JoinNodes(n.Directives, " ")),
        InlineFragmentNode n => Join(
            " ", "...", Wrap("on ", PrintOptional(n.TypeCondition)), JoinNodes(n.Directives, " "), Print(n.SelectionSet)),
        FragmentDefinitionNode n => Description(n.Description) + "fragment " + n.Name.Value + Wrap("(", JoinNodes(n.VariableDefinitions, ", "), ")") +
                                    " on " + n.TypeCondition.Name.Value + " " +
                                    Wrap(string.Empty, JoinNodes(n.Directives, " "), " ") + Print(n.SelectionSet),
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => n.Block ? PrintBlockString(n.Value) : PrintString(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => "[" + JoinNodes(n.Values, ", ") + "]",
        ObjectValueNode n => "{" + JoinNodes(n.Fields, ", ") + "}",
        ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
        DirectiveNode n => "@" + n.Name.Value + Wrap("(", JoinNodes(n.Arguments, ", "), ")"),
        NamedTypeNode n => n.Name.Value,
        ListTypeNode n => "[" + Print(n.Type) + "]",
        NonNullTypeNode n => Print(n.Type) + "!",
        SchemaDefinitionNode n => Description(n.Description) +
                                  Join(" ", "schema", JoinNodes(n.Directives, " "), Block(n.OperationTypes)),
        OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + n.Type.Name.Value,
        ScalarTypeDefinitionNode n => Description(n.Description) +
                                      Join(" ", "scalar", n.Name.Value, JoinNodes(n.Directives, " ")),
        ObjectTypeDefinitionNode n => Description(n.Description) + Join(
            " ", "type", n.Name.Value, Wrap("implements ", JoinNodes(n.Interfaces, " & ")), JoinNodes(n.Directives, " "),
            Block(n.Fields)),
        FieldDefinitionNode n => Description(n.Description) + n.Name.Value + ArgumentDefinitions(n.Arguments) + ": " +
                                 Print(n.Type) + Wrap(" ", JoinNodes(n.Directives, " ")),
        InputValueDefinitionNode n => Description(n.Description) + Join(
            " ", n.Name.Value + ": " + Print(n.Type), Wrap("= ", PrintOptional(n.DefaultValue)), JoinNodes(n.Directives, " ")),
        InterfaceTypeDefinitionNode n => Description(n.Description) + Join(
            " ", "interface", n.Name.Value, Wrap("implements ", JoinNodes(n.Interfaces, " & ")),
            JoinNodes(n.Directives, " "), Block(n.Fields)),
        UnionTypeDefinitionNode n => Description(n.Description) + Join(
            " ", "union", n.Name.Value, JoinNodes(n.Directives, " "), Wrap("= ", JoinNodes(n.Types, " | "))),
        EnumTypeDefinitionNode n => Description(n.Description) +
                                    Join(" ", "enum", n.Name.Value, JoinNodes(n.Directives, " "), Block(n.Values)),
        EnumValueDefinitionNode n => Description(n.Description) + Join(" ", n.Name.Value, JoinNodes(n.Directives, " ")),
        InputObjectTypeDefinitionNode n => Description(n.Description) +
                                           Join(" ", "input", n.Name.Value, JoinNodes(n.Directives, " "), Block(n.Fields)),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value +
                                     ArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : string.Empty) +
                                     " on " + JoinNodes(n.Locations, " | "),
        SchemaExtensionNode n => Join(" ", "extend schema", JoinNodes(n.Directives, " "), Block(n.OperationTypes)),
        ScalarTypeExtensionNode n => Join(" ", "extend scalar", n.Name.Value, JoinNodes(n.Directives, " ")),
        ObjectTypeExtensionNode n => Join(
            " ", "extend type", n.Name.Value, Wrap("implements ", JoinNodes(n.Interfaces, " & ")),
            JoinNodes(n.Directives, " "), Block(n.Fields)),
        InterfaceTypeExtensionNode n => Join(
            " ", "extend interface", n.Name.Value, Wrap("implements ", JoinNodes(n.Interfaces, " & ")),
            JoinNodes(n.Directives, " "), Block(n.Fields)),
        UnionTypeExtensionNode n => Join(
            " ", "extend union", n.Name.Value, JoinNodes(n.Directives, " "), Wrap("= ", JoinNodes(n.Types, " | "))),
        EnumTypeExtensionNode n => Join(" ", "extend enum", n.Name.Value, JoinNodes(n.Directives, " "), Block(n.Values)),
        InputObjectTypeExtensionNode n => Join(
            " ", "extend input", n.Name.Value, JoinNodes(n.Directives, " "), Block(n.Fields)),
        _ => throw new ArgumentException($"Cannot print node of kind {node.Kind}.", nameof(node)),
    };

    public static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    /// <summary>A string literal with JSON-style escapes, as graphql-js prints it.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A block string literal whose value, once re-lexed, is <paramref name="value"/> again.</summary>
    public static string PrintBlockString(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.ReplaceLineEndings("\n").Split('\n');
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 &&
                                  lines.Skip(1).All(line => line.Length == 0 || line[0] is ' ' or '\t');
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine ||
                                   hasTrailingTripleQuotes;
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && value[0] is ' ' or '\t';
        var result = new StringBuilder("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var definitions = node.VariableDefinitions.Select(Print).ToList();
        var variables = definitions.Any(d => d.Contains('\n'))
            ? Wrap("(\n", string.Join("\n", definitions), "\n)")
            : Wrap("(", string.Join(", ", definitions), ")");
        var prefix = Description(node.Description) + Join(
            " ", OperationName(node.Operation), (node.Name?.Value ?? string.Empty) + variables, JoinNodes(node.Directives, " "));
        var selectionSet = Print(node.SelectionSet);
        return prefix == "query" ? selectionSet : prefix + " " + selectionSet;
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = (node.Alias is null ? string.Empty : node.Alias.Value + ": ") + node.Name.Value;
        var line = prefix + Wrap("(", JoinNodes(node.Arguments, ", "), ")");
        if (line.Length > MaxLineLength)
        {
            line = prefix + Wrap("(\n", Indent(JoinNodes(node.Arguments, "\n")), "\n)");
        }

        return Join(" ", line, JoinNodes(node.Directives, " "), PrintOptional(node.SelectionSet));
    }

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = new string[arguments.Count];
        var multiline = false;
        for (var i = 0; i < printed.Length; i++)
        {
            printed[i] = Print(arguments[i]);
            multiline |= printed[i].Contains('\n');
        }

        return multiline
            ? Wrap("(\n", Indent(string.Join("\n", printed)), "\n)")
            : Wrap("(", string.Join(", ", printed), ")");
    }

    private static string Description(StringValueNode? description) =>
        description is null ? string.Empty : Print(description) + "\n";

    private static string PrintOptional(SyntaxNode? node) => node is null ? string.Empty : Print(node);

    private static string Block<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode =>
        nodes.Count == 0 ? string.Empty : "{\n" + Indent(JoinNodes(nodes, "\n")) + "\n}";

    private static string Indent(string text) =>
        text.Length == 0 ? string.Empty : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Wrap(string start, string text, string end = "") =>
        text.Length == 0 ? string.Empty : start + text + end;

    private static string JoinNodes<T>(IReadOnlyList<T> nodes, string separator)
        where T : SyntaxNode
    {
        if (nodes.Count == 0)
        {
            return string.Empty;
        }

        var parts = new List<string>(nodes.Count);
        foreach (var node in nodes)
        {
            var printed = Print(node);
            if (printed.Length > 0)
            {
                parts.Add(printed);
            }
        }

        return string.Join(separator, parts);
    }

    private static string Join(string separator, params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
