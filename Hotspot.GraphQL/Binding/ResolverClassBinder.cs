using System.Reflection;
using Hotspot.GraphQL.Execution;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Binds resolver classes (<see cref="ObjectTypeAttribute"/>, <see cref="ExtendObjectTypeAttribute"/>) to the schema:
/// each public method to the field named like it, compiled once into a <see cref="FieldResolver"/>. A method whose
/// field the type lacks, or a class whose type the schema lacks, is a problem naming both; so is a field that no
/// method binds, which <see cref="ExecutableSchemaBuilder.Build"/> reports in strict mode with the classes it looked in.
/// </summary>
internal sealed class ResolverClassBinder(IReadOnlyList<Type> classes, IReadOnlyDictionary<Type, ScopedValueFactory> scopedFactories)
{
    /// <summary>The classes bound to each type name, for the message about a field no method binds.</summary>
    public Dictionary<string, List<Type>> ClassesByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Fields a method was found for, bound or not: a method that failed to compile has said why already.</summary>
    public HashSet<ExecutableField> FieldsWithMethods { get; } = new();

    /// <summary>The CLR types whose properties back the fields no method binds, by type name.</summary>
    public Dictionary<string, Type> BackingTypes { get; } = new(StringComparer.Ordinal);

    public void Bind(SchemaCompiler compiled, List<string> problems)
    {
        var compiler = new ResolverMethodCompiler(scopedFactories, problems);
        var definingClass = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var clrClass in classes)
        {
            var attributes = clrClass.GetCustomAttributes<ObjectTypeAttribute>(inherit: false).ToList();
            if (attributes.Count == 0)
            {
                problems.Add($"{clrClass.Name} is given as a resolver class, but has no [ObjectType] or [ExtendObjectType] attribute.");
                continue;
            }
            var methods = ResolverMethods(clrClass);
            if (methods.Count > 0 && attributes.Count > 1)
            {
                problems.Add($"{clrClass.Name} resolves fields but names {attributes.Count} types; one class resolves one type.");
                continue;
            }
            foreach (var attribute in attributes)
            {
                if (compiled.GetNamedType(attribute.Name) is not ExecutableObjectType objectType || objectType.IsIntrospectionType)
                {
                    problems.Add($"{clrClass.Name} is bound to \"{attribute.Name}\", but the schema has no object type \"{attribute.Name}\".");
                    continue;
                }
                if (attribute is not ExtendObjectTypeAttribute && !definingClass.TryAdd(objectType.Name, clrClass))
                    problems.Add($"{clrClass.Name} and {definingClass[objectType.Name].Name} both define \"{objectType.Name}\" with [ObjectType]; extend it with [ExtendObjectType].");
                if (!ClassesByType.TryGetValue(objectType.Name, out var list)) ClassesByType[objectType.Name] = list = new();
                list.Add(clrClass);
                if (attribute.BackedBy is { } backing && !BackingTypes.TryAdd(objectType.Name, backing) && BackingTypes[objectType.Name] != backing)
                    problems.Add($"\"{objectType.Name}\" is backed by both {BackingTypes[objectType.Name].Name} and {backing.Name}.");
                if (methods.Count > 0) BindMethods(clrClass, methods, objectType, compiler, problems);
            }
        }
    }

    private void BindMethods(Type clrClass, List<MethodInfo> methods, ExecutableObjectType objectType,
        ResolverMethodCompiler compiler, List<string> problems)
    {
        object? instance = null;
        var streamNames = methods.Select(StreamMethodName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (methods.Any(m => !m.IsStatic) || clrClass.GetMethods(AnyMethod).Any(m => !m.IsStatic && streamNames.Contains(m.Name)))
        {
            if (clrClass.GetConstructor(Type.EmptyTypes) is not { } constructor)
            {
                problems.Add($"{clrClass.Name} has instance resolver methods but no parameterless constructor (take services as method parameters).");
                return;
            }
            instance = constructor.Invoke(null);
        }
        foreach (var method in methods)
        {
            var fieldName = FieldName(method);
            var field = objectType.GetField(fieldName);
            if (field is null)
            {
                problems.Add($"{ResolverMethodCompiler.Describe(method)} resolves {objectType.Name}.{fieldName}, but \"{objectType.Name}\" has no field \"{fieldName}\".");
                continue;
            }
            if (field.Resolver is not null)
            {
                problems.Add($"{objectType.Name}.{fieldName} has more than one resolver ({ResolverMethodCompiler.Describe(method)} is one).");
                continue;
            }
            FieldsWithMethods.Add(field);
            var receiver = method.IsStatic ? null : instance;
            var subscribe = method.GetCustomAttribute<SubscribeAttribute>();
            if (subscribe is { With: null })
            {
                if (compiler.CompileSubscription(method, receiver, field) is not { } source) continue;
                field.Subscriber = source;
                // The event is the field's value: its selection set reads the event.
                field.Resolver = static context => new ValueTask<object?>(context.Parent);
            }
            else if (subscribe is { With: { } streamName })
            {
                if (StreamMethod(clrClass, method, streamName, problems) is not { } stream) continue;
                if (compiler.CompileSubscription(stream, stream.IsStatic ? null : instance, field) is not { } source) continue;
                if (compiler.CompileResolver(method, receiver, field, argumentsReadByStream: true) is not { } resolver) continue;
                field.Subscriber = source;
                field.Resolver = resolver;
            }
            else if (compiler.CompileResolver(method, receiver, field) is { } resolver)
                field.Resolver = resolver;
        }
    }

    private const BindingFlags AnyMethod =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>
    /// The public methods a class declares, less <see cref="GraphQLIgnoreAttribute"/> ones, compiler-made ones and the
    /// source streams that a <see cref="SubscribeAttribute.With"/> names (they open a field's stream, not a field).
    /// </summary>
    private static List<MethodInfo> ResolverMethods(Type clrClass)
    {
        var methods = clrClass
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.IsDefined(typeof(GraphQLIgnoreAttribute)) &&
                        !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .ToList();
        var streams = methods.Select(StreamMethodName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return methods.Where(m => !streams.Contains(m.Name)).ToList();
    }

    private static string? StreamMethodName(MethodInfo method) => method.GetCustomAttribute<SubscribeAttribute>()?.With;

    /// <summary>The one method named by <c>[Subscribe(With = ...)]</c>, or null after saying why there is none.</summary>
    private static MethodInfo? StreamMethod(Type clrClass, MethodInfo resolver, string name, List<string> problems)
    {
        var candidates = clrClass.GetMethods(AnyMethod).Where(m => m.Name == name).ToList();
        if (candidates.Count == 1) return candidates[0];
        problems.Add(candidates.Count == 0
            ? $"{ResolverMethodCompiler.Describe(resolver)} subscribes with \"{name}\", but {clrClass.Name} has no method \"{name}\"."
            : $"{ResolverMethodCompiler.Describe(resolver)} subscribes with \"{name}\", but {clrClass.Name} has {candidates.Count} methods of that name.");
        return null;
    }

    /// <summary><c>GetPlansAsync</c>, <c>PlansAsync</c> and <c>Plans</c> name <c>plans</c>; <see cref="GraphQLNameAttribute"/> wins.</summary>
    internal static string FieldName(MethodInfo method)
    {
        if (method.GetCustomAttribute<GraphQLNameAttribute>() is { } named) return named.Name;
        var name = method.Name;
        if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5) name = name[..^5];
        if (name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3])) name = name[3..];
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The names a method for <paramref name="fieldName"/> may have, for the message about a field no method binds.</summary>
    internal static string MethodNamesFor(string fieldName)
    {
        var pascal = char.ToUpperInvariant(fieldName[0]) + fieldName[1..];
        return $"{pascal}, {pascal}Async or Get{pascal}";
    }
}
