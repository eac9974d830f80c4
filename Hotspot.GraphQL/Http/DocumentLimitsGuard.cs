using System.Runtime.CompilerServices;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Refuses documents built to exhaust the server, before validation and execution see them: selection depth
/// (through fragments), aliases, and the number of fields once every fragment spread is expanded (which stops
/// "fragment bombs" whose size doubles with each fragment).
/// </summary>
public static class DocumentLimitsGuard
{
    public const string MaxDepthCode = "MAX_DEPTH_EXCEEDED";
    public const string MaxAliasesCode = "MAX_ALIASES_EXCEEDED";
    public const string MaxFieldsCode = "MAX_FIELDS_EXCEEDED";

    /// <summary>Returns the first limit the document breaks, or null when it is within all of them.</summary>
    public static GraphQLError? Check(DocumentNode document, int maxDepth, int maxAliases, int maxFields)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        var aliases = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode executable)
            {
                aliases += CountAliases(executable.SelectionSet);
            }
        }

        if (aliases > maxAliases)
        {
            return Error($"The document uses {aliases} aliases; at most {maxAliases} are allowed.", MaxAliasesCode, null);
        }

        var measure = new Measure(fragments, maxDepth);
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            var (depth, fields) = measure.SelectionSet(operation.SelectionSet, 0);
            if (measure.TooDeep || depth > maxDepth)
            {
                return Error($"The operation is nested more than {maxDepth} levels deep.", MaxDepthCode, operation);
            }

            if (fields > maxFields)
            {
                return Error($"The operation selects {fields} fields once fragments are expanded; at most {maxFields} are allowed.", MaxFieldsCode, operation);
            }
        }

        return null;
    }

    private static int CountAliases(SelectionSetNode selectionSet)
    {
        // Depth is already bounded by the parser; an explicit stack keeps this safe regardless.
        var count = 0;
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        if (field.Alias is not null)
                        {
                            count++;
                        }

                        if (field.SelectionSet is not null)
                        {
                            pending.Push(field.SelectionSet);
                        }

                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return count;
    }

    private static GraphQLError Error(string message, string code, OperationDefinitionNode? operation) =>
        new(message,
            operation is null ? null : [operation.Location.ToSourceLocation()],
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Depth and expanded field count, memoised per fragment so shared fragments are measured once.</summary>
    private sealed class Measure(Dictionary<string, FragmentDefinitionNode> fragments, int maxDepth)
    {
        private readonly Dictionary<string, (int Depth, long Fields)> _done = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
        private int _spreadNesting;

        public bool TooDeep { get; private set; }

        /// <summary>Depth below <paramref name="level"/> (1 for a set of leaves) and fields selected, expanded.</summary>
        public (int Depth, long Fields) SelectionSet(SelectionSetNode selectionSet, int level)
        {
            if (TooDeep || level > maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                TooDeep = true;
                return (0, 0);
            }

            var depth = 1;
            long fields = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        fields++;
                        if (field.SelectionSet is not null)
                        {
                            var (below, inner) = SelectionSet(field.SelectionSet, level + 1);
                            depth = Math.Max(depth, below + 1);
                            fields += inner;
                        }

                        break;
                    case InlineFragmentNode inline:
                    {
                        var (below, inner) = SelectionSet(inline.SelectionSet, level);
                        depth = Math.Max(depth, below);
                        fields += inner;
                        break;
                    }

                    case FragmentSpreadNode spread:
                    {
                        var (below, inner) = Fragment(spread.Name.Value, level);
                        depth = Math.Max(depth, below);
                        fields += inner;
                        break;
                    }
                }

                // Saturate: a fragment bomb can exceed any integer; past the cap the answer is the same.
                fields = Math.Min(fields, int.MaxValue);
            }

            return (depth, fields);
        }

        private (int Depth, long Fields) Fragment(string name, int level)
        {
            if (_done.TryGetValue(name, out var known))
            {
                return known;
            }

            // Unknown fragments and cycles are validation errors, reported later; here they count as empty.
            if (!fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
            {
                return (0, 0);
            }

            if (++_spreadNesting > maxDepth)
            {
                TooDeep = true;
            }

            // Measured from level 0 so the memoised result does not depend on where the spread sits.
            var result = SelectionSet(fragment.SelectionSet, 0);
            _spreadNesting--;
            _inProgress.Remove(name);
            if (level + result.Depth > maxDepth)
            {
                TooDeep = true;
            }

            _done[name] = result;
            return result;
        }
    }
}
