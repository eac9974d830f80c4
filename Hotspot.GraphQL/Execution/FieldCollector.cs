using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Spec 6.3.2 CollectFields (with <c>@skip</c>/<c>@include</c> and DoesFragmentTypeApply) and CollectSubfields.
/// Results are cached per document and object type unless a skip/include condition read a variable.
/// </summary>
internal static class FieldCollector
{
    /// <summary>CollectFields for an operation's root selection set.</summary>
    public static CollectedFields CollectRootFields(OperationContext context, ExecutableObjectType rootType)
    {
        var cached = context.Plan.GetCachedRootFields(context.Operation);
        if (cached is not null) return cached;
        var collector = new Collection(context);
        collector.CollectFields(rootType, context.Operation.SelectionSet, new HashSet<string>(StringComparer.Ordinal));
        var fields = collector.Build(rootType);
        if (!fields.DependsOnVariables) context.Plan.CacheRootFields(context.Operation, fields);
        return fields;
    }

    /// <summary>CollectSubfields: the merged selection sets of a field group, for the runtime object type.</summary>
    public static CollectedFields CollectSubfields(OperationContext context, ExecutableObjectType objectType, FieldPlan field)
    {
        var cached = field.GetCachedSubfields(objectType) ?? context.GetRequestSubfields(field, objectType);
        if (cached is not null) return cached;
        var collector = new Collection(context);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in field.Nodes)
        {
            if (node.SelectionSet is not null) collector.CollectFields(objectType, node.SelectionSet, visited);
        }
        var fields = collector.Build(objectType);
        // Conditions on variables hold for the whole request: list items reuse the result within the request.
        if (!fields.DependsOnVariables) field.CacheSubfields(objectType, fields);
        else context.CacheRequestSubfields(field, objectType, fields);
        return fields;
    }

    private sealed class Collection(OperationContext context)
    {
        private readonly List<string> _keys = new();
        private readonly Dictionary<string, List<FieldNode>> _groups = new(StringComparer.Ordinal);
        private bool _dependsOnVariables;

        public void CollectFields(ExecutableObjectType objectType, SelectionSetNode selectionSet, HashSet<string> visitedFragments)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (!ShouldIncludeNode(selection.Directives)) continue;
                switch (selection)
                {
                    case FieldNode field:
                        var key = field.ResponseName;
                        if (!_groups.TryGetValue(key, out var group))
                        {
                            group = new List<FieldNode>(1);
                            _groups[key] = group;
                            _keys.Add(key);
                        }
                        group.Add(field);
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (!visitedFragments.Add(name)) continue;
                        if (!context.Plan.Fragments.TryGetValue(name, out var fragment)) continue;
                        if (!DoesFragmentTypeApply(objectType, fragment.TypeCondition.Name.Value)) continue;
                        CollectFields(objectType, fragment.SelectionSet, visitedFragments);
                        break;
                    case InlineFragmentNode inline:
                        if (inline.TypeCondition is not null &&
                            !DoesFragmentTypeApply(objectType, inline.TypeCondition.Name.Value)) continue;
                        CollectFields(objectType, inline.SelectionSet, visitedFragments);
                        break;
                }
            }
        }

        public CollectedFields Build(ExecutableObjectType objectType)
        {
            var keys = new List<string>(_keys.Count);
            var plans = new List<FieldPlan>(_keys.Count);
            foreach (var key in _keys)
            {
                var nodes = _groups[key].ToArray();
                var plan = CreatePlan(objectType, key, nodes);
                if (plan is null) continue; // unknown field: graphql-js leaves the key out
                keys.Add(key);
                plans.Add(plan);
            }
            return new CollectedFields(keys.ToArray(), plans.ToArray(), _dependsOnVariables);
        }

        private FieldPlan? CreatePlan(ExecutableObjectType objectType, string key, FieldNode[] nodes)
        {
            var schema = context.Schema;
            var name = nodes[0].Name.Value;
            if (name == "__typename") return new FieldPlan(key, nodes, objectType, schema.TypeNameMetaField, FieldPlanKind.TypeName);
            if (ReferenceEquals(objectType, schema.QueryType))
            {
                if (name == "__schema") return new FieldPlan(key, nodes, objectType, schema.SchemaMetaField, FieldPlanKind.Schema);
                if (name == "__type") return new FieldPlan(key, nodes, objectType, schema.TypeMetaField, FieldPlanKind.Type);
            }
            var field = objectType.GetField(name);
            return field is null ? null : new FieldPlan(key, nodes, objectType, field, FieldPlanKind.Normal);
        }

        private bool DoesFragmentTypeApply(ExecutableObjectType objectType, string typeCondition)
        {
            var type = context.Schema.GetType(typeCondition);
            if (type is null) return false;
            if (ReferenceEquals(type, objectType)) return true;
            return type.IsAbstractType && ExecutableSchema.IsPossibleType(type, objectType);
        }

        private bool ShouldIncludeNode(IReadOnlyList<DirectiveNode> directives)
        {
            for (int i = 0; i < directives.Count; i++)
            {
                var directive = directives[i];
                var name = directive.Name.Value;
                if (name == "skip" && ReadIf(directive)) return false;
                if (name == "include" && !ReadIf(directive)) return false;
            }
            return true;
        }

        private bool ReadIf(DirectiveNode directive)
        {
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value != "if") continue;
                switch (argument.Value)
                {
                    case BooleanValueNode boolean:
                        return boolean.Value;
                    case VariableNode variable:
                        _dependsOnVariables = true;
                        if (context.VariableValues.TryGetValue(variable.Name.Value, out var value) && value is bool b) return b;
                        throw new GraphQLException(
                            $"Argument \"if\" of required type \"Boolean!\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.");
                }
            }
            throw new GraphQLException($"Argument \"if\" of required type \"Boolean!\" was not provided.");
        }
    }
}
