namespace Hotspot.GraphQL.Language;

/// <summary>
/// Depth-first traversal of an AST with enter and leave callbacks, in graphql-js's visiting order.
/// Subclasses switch on <see cref="SyntaxNode.Kind"/> (or the node type) in <see cref="Enter"/> and
/// <see cref="Leave"/>; <see cref="Ancestors"/> holds the path from the root to the current node's parent.
/// The parser bounds nesting depth, so recursion here is bounded too.
/// </summary>
public abstract class SyntaxWalker
{
    private readonly List<SyntaxNode> _ancestors = [];
    private bool _stopped;

    /// <summary>The nodes from the root down to the parent of the node being visited.</summary>
    protected IReadOnlyList<SyntaxNode> Ancestors => _ancestors;

    /// <summary>The parent of the node being visited, or null at the root.</summary>
    protected SyntaxNode? Parent => _ancestors.Count == 0 ? null : _ancestors[^1];

    public void Walk(SyntaxNode root)
    {
        _stopped = false;
        _ancestors.Clear();
        Visit(root);
    }

    protected virtual WalkAction Enter(SyntaxNode node) => WalkAction.Continue;

    protected virtual void Leave(SyntaxNode node)
    {
    }

    /// <summary>Ends the walk after the current callback returns.</summary>
    protected void Stop() => _stopped = true;

    private void Visit(SyntaxNode node)
    {
        var action = Enter(node);
        if (action == WalkAction.Stop)
        {
            _stopped = true;
        }

        if (_stopped || action == WalkAction.SkipChildren)
        {
            return;
        }

        _ancestors.Add(node);
        VisitChildren(node);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        if (!_stopped)
        {
            Leave(node);
        }
    }

    private void VisitOptional(SyntaxNode? node)
    {
        if (node is not null && !_stopped)
        {
            Visit(node);
        }
    }

    private void VisitAll<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count && !_stopped; i++)
        {
            Visit(nodes[i]);
        }
    }

    private void VisitChildren(SyntaxNode node)
    {
        switch (node)
        {
            case DocumentNode n:
                VisitAll(n.Definitions);
                break;
            case OperationDefinitionNode n:
                VisitOptional(n.Description);
                VisitOptional(n.Name);
                VisitAll(n.VariableDefinitions);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case VariableDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Variable);
                Visit(n.Type);
                VisitOptional(n.DefaultValue);
                VisitAll(n.Directives);
                break;
            case VariableNode n:
                Visit(n.Name);
                break;
            case SelectionSetNode n:
                VisitAll(n.Selections);
                break;
            case FieldNode n:
                VisitOptional(n.Alias);
                Visit(n.Name);
                VisitAll(n.Arguments);
                VisitAll(n.Directives);
                VisitOptional(n.SelectionSet);
                break;
            case ArgumentNode n:
                Visit(n.Name);
                Visit(n.Value);
                break;
            case FragmentSpreadNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case InlineFragmentNode n:
                VisitOptional(n.TypeCondition);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case FragmentDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.VariableDefinitions);
                Visit(n.TypeCondition);
                VisitAll(n.Directives);
                Visit(n.SelectionSet);
                break;
            case ListValueNode n:
                VisitAll(n.Values);
                break;
            case ObjectValueNode n:
                VisitAll(n.Fields);
                break;
            case ObjectFieldNode n:
                Visit(n.Name);
                Visit(n.Value);
                break;
            case DirectiveNode n:
                Visit(n.Name);
                VisitAll(n.Arguments);
                break;
            case NamedTypeNode n:
                Visit(n.Name);
                break;
            case ListTypeNode n:
                Visit(n.Type);
                break;
            case NonNullTypeNode n:
                Visit(n.Type);
                break;
            case SchemaDefinitionNode n:
                VisitOptional(n.Description);
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case OperationTypeDefinitionNode n:
                Visit(n.Type);
                break;
            case ScalarTypeDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case ObjectTypeDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case FieldDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Arguments);
                Visit(n.Type);
                VisitAll(n.Directives);
                break;
            case InputValueDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                Visit(n.Type);
                VisitOptional(n.DefaultValue);
                VisitAll(n.Directives);
                break;
            case InterfaceTypeDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case EnumValueDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case InputObjectTypeDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case DirectiveDefinitionNode n:
                VisitOptional(n.Description);
                Visit(n.Name);
                VisitAll(n.Arguments);
                VisitAll(n.Locations);
                break;
            case SchemaExtensionNode n:
                VisitAll(n.Directives);
                VisitAll(n.OperationTypes);
                break;
            case ScalarTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                break;
            case ObjectTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case InterfaceTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Interfaces);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;
            case UnionTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Types);
                break;
            case EnumTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Values);
                break;
            case InputObjectTypeExtensionNode n:
                Visit(n.Name);
                VisitAll(n.Directives);
                VisitAll(n.Fields);
                break;

                // Leaves: Name, IntValue, FloatValue, StringValue, BooleanValue, NullValue, EnumValue.
        }
    }
}
