using System.Globalization;
using System.Text;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Writes our AST in the text layout of gqlparser's test dumps (<c>&lt;QueryDocument&gt;</c> /
/// <c>&lt;SchemaDocument&gt;</c>), so the conformance files' <c>ast:</c> blocks can be compared as text. Only the
/// parts that carry meaning are written (kinds, names, values, types, structure); gqlparser's comment
/// attachments are dropped from the expected text by <see cref="StripComments"/>.
/// </summary>
internal sealed class GqlparserAstDump
{
    private readonly StringBuilder _text = new();

    public static string QueryDocument(DocumentNode document)
    {
        var dump = new GqlparserAstDump();
        dump.Open("QueryDocument");
        dump.List(2, "Operations", "OperationDefinition", document.Definitions.OfType<OperationDefinitionNode>().ToList(),
            (op, indent) => dump.Operation(op, indent));
        dump.List(2, "Fragments", "FragmentDefinition", document.Definitions.OfType<FragmentDefinitionNode>().ToList(),
            (fragment, indent) => dump.Fragment(fragment, indent));
        return dump._text.ToString();
    }

    public static string SchemaDocument(DocumentNode document)
    {
        var dump = new GqlparserAstDump();
        dump.Open("SchemaDocument");
        dump.List(2, "Schema", "SchemaDefinition", document.Definitions.OfType<SchemaDefinitionNode>().ToList(),
            (schema, indent) => dump.Schema(schema.Description, schema.Directives, schema.OperationTypes, indent));
        dump.List(2, "SchemaExtension", "SchemaDefinition", document.Definitions.OfType<SchemaExtensionNode>().ToList(),
            (schema, indent) => dump.Schema(null, schema.Directives, schema.OperationTypes, indent));
        dump.List(2, "Directives", "DirectiveDefinition", document.Definitions.OfType<DirectiveDefinitionNode>().ToList(),
            (directive, indent) => dump.DirectiveDefinition(directive, indent));
        dump.List(2, "Definitions", "Definition", document.Definitions.OfType<TypeDefinitionNode>().ToList(),
            (definition, indent) => dump.Definition(definition, indent));
        dump.List(2, "Extensions", "Definition", document.Definitions.OfType<TypeExtensionNode>().ToList(),
            (extension, indent) => dump.Definition(extension, indent));
        return dump._text.ToString();
    }

    /// <summary>Drops gqlparser's comment fields, which our AST does not keep (comments are not part of it).</summary>
    public static string StripComments(string expected)
    {
        var lines = expected.Replace("\r\n", "\n").Split('\n')
            .Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*\w*Comment: "))
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0);
        return string.Join("\n", lines);
    }

    public static string Normalize(string dump) => StripComments(dump);

    private void Open(string type) => _text.Append('<').Append(type).Append(">\n");

    private void Line(int indent, string text) => _text.Append(' ', indent).Append(text).Append('\n');

    private void List<T>(int indent, string key, string elementType, IReadOnlyList<T> items, Action<T, int> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        Line(indent, $"{key}: [{elementType}]");
        foreach (var item in items)
        {
            _text.Append(' ', indent).Append("- ");
            write(item, indent + 2);
        }
    }

    private void Strings(int indent, string key, string elementType, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        Line(indent, $"{key}: [{elementType}]");
        foreach (var item in list)
        {
            Line(indent, "- " + item);
        }
    }

    private void Operation(OperationDefinitionNode node, int indent)
    {
        Open("OperationDefinition");
        var inner = indent + 2;
        Line(inner, $"Operation: Operation({Quote(Printer.OperationName(node.Operation))})");
        if (node.Name is not null)
        {
            Line(inner, "Name: " + Quote(node.Name.Value));
        }

        List(inner, "VariableDefinitions", "VariableDefinition", node.VariableDefinitions, VariableDefinition);
        Directives(inner, node.Directives);
        Selections(inner, node.SelectionSet.Selections);
    }

    private void Fragment(FragmentDefinitionNode node, int indent)
    {
        Open("FragmentDefinition");
        var inner = indent + 2;
        Line(inner, "Name: " + Quote(node.Name.Value));
        List(inner, "VariableDefinition", "VariableDefinition", node.VariableDefinitions, VariableDefinition);
        Line(inner, "TypeCondition: " + Quote(node.TypeCondition.Name.Value));
        Directives(inner, node.Directives);
        Selections(inner, node.SelectionSet.Selections);
    }

    private void VariableDefinition(VariableDefinitionNode node, int indent)
    {
        Open("VariableDefinition");
        var inner = indent + 2;
        Line(inner, "Variable: " + Quote(node.Variable.Name.Value));
        Line(inner, "Type: " + Printer.Print(node.Type));
        if (node.DefaultValue is not null)
        {
            Line(inner, "DefaultValue: " + Value(node.DefaultValue));
        }

        Directives(inner, node.Directives);
    }

    private void Selections(int indent, IReadOnlyList<SelectionNode> selections) =>
        List(indent, "SelectionSet", "Selection", selections, Selection);

    private void Selection(SelectionNode node, int indent)
    {
        var inner = indent + 2;
        switch (node)
        {
            case FieldNode field:
                Open("Field");
                Line(inner, "Alias: " + Quote(field.ResponseName));
                Line(inner, "Name: " + Quote(field.Name.Value));
                Arguments(inner, field.Arguments);
                Directives(inner, field.Directives);
                if (field.SelectionSet is not null)
                {
                    Selections(inner, field.SelectionSet.Selections);
                }

                break;
            case FragmentSpreadNode spread:
                Open("FragmentSpread");
                Line(inner, "Name: " + Quote(spread.Name.Value));
                Directives(inner, spread.Directives);
                break;
            case InlineFragmentNode inline:
                Open("InlineFragment");
                if (inline.TypeCondition is not null)
                {
                    Line(inner, "TypeCondition: " + Quote(inline.TypeCondition.Name.Value));
                }

                Directives(inner, inline.Directives);
                Selections(inner, inline.SelectionSet.Selections);
                break;
        }
    }

    private void Arguments(int indent, IReadOnlyList<ArgumentNode> arguments) =>
        List(indent, "Arguments", "Argument", arguments, (argument, i) =>
        {
            Open("Argument");
            Line(i + 2, "Name: " + Quote(argument.Name.Value));
            Line(i + 2, "Value: " + Value(argument.Value));
        });

    private void Directives(int indent, IReadOnlyList<DirectiveNode> directives) =>
        List(indent, "Directives", "Directive", directives, (directive, i) =>
        {
            Open("Directive");
            Line(i + 2, "Name: " + Quote(directive.Name.Value));
            Arguments(i + 2, directive.Arguments);
        });

    private void Schema(
        StringValueNode? description,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes,
        int indent)
    {
        Open("SchemaDefinition");
        var inner = indent + 2;
        Description(inner, description);
        Directives(inner, directives);
        List(inner, "OperationTypes", "OperationTypeDefinition", operationTypes, (operationType, i) =>
        {
            Open("OperationTypeDefinition");
            Line(i + 2, $"Operation: Operation({Quote(Printer.OperationName(operationType.Operation))})");
            Line(i + 2, "Type: " + Quote(operationType.Type.Name.Value));
        });
    }

    private void DirectiveDefinition(DirectiveDefinitionNode node, int indent)
    {
        Open("DirectiveDefinition");
        var inner = indent + 2;
        Description(inner, node.Description);
        Line(inner, "Name: " + Quote(node.Name.Value));
        List(inner, "Arguments", "ArgumentDefinition", node.Arguments, (argument, i) => InputValue("ArgumentDefinition", argument, i));
        Strings(inner, "Locations", "DirectiveLocation", node.Locations.Select(l => $"DirectiveLocation({Quote(l.Value)})"));
        Line(inner, "IsRepeatable: " + (node.Repeatable ? "true" : "false"));
    }

    private void Definition(DefinitionNode node, int indent)
    {
        Open("Definition");
        var inner = indent + 2;
        var (kind, description, name, directives) = node switch
        {
            TypeDefinitionNode d => (KindOf(d), d.Description, d.Name, d.Directives),
            TypeExtensionNode e => (KindOf(e), null, e.Name, e.Directives),
            _ => throw new ArgumentException("not a type definition"),
        };
        Line(inner, $"Kind: DefinitionKind({Quote(kind)})");
        Description(inner, description);
        Line(inner, "Name: " + Quote(name.Value));
        Directives(inner, directives);
        switch (node)
        {
            case ObjectTypeDefinitionNode n:
                Fields(inner, n.Interfaces, n.Fields);
                break;
            case InterfaceTypeDefinitionNode n:
                Fields(inner, n.Interfaces, n.Fields);
                break;
            case ObjectTypeExtensionNode n:
                Fields(inner, n.Interfaces, n.Fields);
                break;
            case InterfaceTypeExtensionNode n:
                Fields(inner, n.Interfaces, n.Fields);
                break;
            case UnionTypeDefinitionNode n:
                Strings(inner, "Types", "string", n.Types.Select(t => Quote(t.Name.Value)));
                break;
            case UnionTypeExtensionNode n:
                Strings(inner, "Types", "string", n.Types.Select(t => Quote(t.Name.Value)));
                break;
            case EnumTypeDefinitionNode n:
                EnumValues(inner, n.Values);
                break;
            case EnumTypeExtensionNode n:
                EnumValues(inner, n.Values);
                break;
            case InputObjectTypeDefinitionNode n:
                List(inner, "Fields", "FieldDefinition", n.Fields, (field, i) => InputValue("FieldDefinition", field, i));
                break;
            case InputObjectTypeExtensionNode n:
                List(inner, "Fields", "FieldDefinition", n.Fields, (field, i) => InputValue("FieldDefinition", field, i));
                break;
        }
    }

    private void Fields(int indent, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields)
    {
        Strings(indent, "Interfaces", "string", interfaces.Select(t => Quote(t.Name.Value)));
        List(indent, "Fields", "FieldDefinition", fields, (field, i) =>
        {
            Open("FieldDefinition");
            Description(i + 2, field.Description);
            Line(i + 2, "Name: " + Quote(field.Name.Value));
            List(i + 2, "Arguments", "ArgumentDefinition", field.Arguments,
                (argument, j) => InputValue("ArgumentDefinition", argument, j));
            Line(i + 2, "Type: " + Printer.Print(field.Type));
            Directives(i + 2, field.Directives);
        });
    }

    private void InputValue(string type, InputValueDefinitionNode node, int indent)
    {
        Open(type);
        var inner = indent + 2;
        Description(inner, node.Description);
        Line(inner, "Name: " + Quote(node.Name.Value));
        if (node.DefaultValue is not null)
        {
            Line(inner, "DefaultValue: " + Value(node.DefaultValue));
        }

        Line(inner, "Type: " + Printer.Print(node.Type));
        Directives(inner, node.Directives);
    }

    private void EnumValues(int indent, IReadOnlyList<EnumValueDefinitionNode> values) =>
        List(indent, "EnumValues", "EnumValueDefinition", values, (value, i) =>
        {
            Open("EnumValueDefinition");
            Description(i + 2, value.Description);
            Line(i + 2, "Name: " + Quote(value.Name.Value));
            Directives(i + 2, value.Directives);
        });

    private void Description(int indent, StringValueNode? description)
    {
        if (description is not null)
        {
            Line(indent, "Description: " + Quote(description.Value));
        }
    }

    private static string KindOf(SyntaxNode node) => node switch
    {
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
        UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
        EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
        _ => "INPUT_OBJECT",
    };

    /// <summary>gqlparser's <c>Value.String()</c>: compact, strings quoted Go-style.</summary>
    private static string Value(ValueNode value) => value switch
    {
        VariableNode v => "$" + v.Name.Value,
        IntValueNode v => v.Value,
        FloatValueNode v => v.Value,
        StringValueNode v => Quote(v.Value),
        BooleanValueNode v => v.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode v => v.Value,
        ListValueNode v => "[" + string.Join(",", v.Values.Select(Value)) + "]",
        ObjectValueNode v => "{" + string.Join(",", v.Fields.Select(f => f.Name.Value + ":" + Value(f.Value))) + "}",
        _ => throw new ArgumentException("unknown value"),
    };

    /// <summary>Go's <c>%q</c> for the strings that occur here.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
