using System.Runtime.CompilerServices;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// A schema ready to execute: the validated <see cref="Types.Schema"/> compiled into lookup tables, with the
/// resolvers, type resolvers and scalar hooks bound to it, the introspection types included. Built once at start-up
/// by <c>ExecutableSchemaBuilder</c> and shared by all requests (it is immutable; its plan cache is thread-safe).
/// </summary>
public sealed class ExecutableSchema
{
    private readonly Dictionary<string, ExecutableNamedType> _types;
    private readonly Dictionary<string, ExecutableDirective> _directives;
    private readonly ConditionalWeakTable<DocumentNode, DocumentPlan> _plans = new();

    internal ExecutableSchema(SchemaCompiler compiled, bool exposeExceptionMessages)
    {
        TypeSystem = compiled.TypeSystem;
        Description = compiled.TypeSystem.Description;
        Types = compiled.Types;
        Directives = compiled.Directives;
        QueryType = compiled.QueryType;
        MutationType = compiled.MutationType;
        SubscriptionType = compiled.SubscriptionType;
        SchemaMetaField = compiled.SchemaMetaField;
        TypeMetaField = compiled.TypeMetaField;
        TypeNameMetaField = compiled.TypeNameMetaField;
        ExposeExceptionMessages = exposeExceptionMessages;
        _types = new Dictionary<string, ExecutableNamedType>(StringComparer.Ordinal);
        foreach (var type in Types) _types[type.Name] = type;
        _directives = new Dictionary<string, ExecutableDirective>(StringComparer.Ordinal);
        foreach (var directive in Directives) _directives[directive.Name] = directive;
    }

    public string? Description { get; }

    /// <summary><c>__typename</c>, valid on every object, interface and union selection.</summary>
    internal ExecutableField TypeNameMetaField { get; }
    /// <summary><c>__schema</c> on the query root.</summary>
    internal ExecutableField SchemaMetaField { get; }
    /// <summary><c>__type(name:)</c> on the query root.</summary>
    internal ExecutableField TypeMetaField { get; }

    /// <summary>Every named type, in the type system's order (graphql-js's: as the schema reaches them).</summary>
    public IReadOnlyList<ExecutableNamedType> Types { get; }

    public IReadOnlyList<ExecutableDirective> Directives { get; }
    public ExecutableObjectType QueryType { get; }
    public ExecutableObjectType? MutationType { get; }
    public ExecutableObjectType? SubscriptionType { get; }

    /// <summary>The validated type system this schema was compiled from: give it to <c>DocumentValidator.Validate</c>.</summary>
    public Types.Schema TypeSystem { get; }

    /// <summary>When false (the default), messages of unexpected exceptions are replaced by "Unexpected Execution Error".</summary>
    public bool ExposeExceptionMessages { get; }

    public ExecutableNamedType? GetType(string name) => _types.GetValueOrDefault(name);
    public ExecutableDirective? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The root type for an operation type, or null when the schema has none.</summary>
    public ExecutableObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>True when <paramref name="objectType"/> is a possible type of <paramref name="abstractType"/>.</summary>
    public static bool IsPossibleType(ExecutableNamedType abstractType, ExecutableObjectType objectType)
    {
        var possible = abstractType switch
        {
            ExecutableInterfaceType i => i.PossibleTypes,
            ExecutableUnionType u => u.PossibleTypes,
            _ => null,
        };
        if (possible is null) return false;
        foreach (var candidate in possible)
            if (ReferenceEquals(candidate, objectType)) return true;
        return false;
    }

    /// <summary>The cached plan (fragments, collected fields) of a document; one per parsed document instance.</summary>
    internal DocumentPlan GetPlan(DocumentNode document) => _plans.GetValue(document, static d => new DocumentPlan(d));
}
