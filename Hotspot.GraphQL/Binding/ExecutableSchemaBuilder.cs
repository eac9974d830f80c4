using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Introspection;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Binds C# resolvers to the fields of a schema written in SDL and builds the <see cref="ExecutableSchema"/>.
/// <code>
/// var schema = ExecutableSchemaBuilder.FromSdl(File.ReadAllText("schema.graphql"))
///     .Resolve("Query", "hello", ctx => "world")
///     .ResolveAsync("Query", "user", ctx => users.FindAsync(ctx.Argument&lt;string&gt;("id"), ctx.CancellationToken))
///     .Resolve&lt;User&gt;("User", "displayName", (user, ctx) => user.First + " " + user.Last)
///     .PropertyBacked("User")                        // the other User fields read User's properties
///     .ResolveType("Node", (value, ctx) => value is User ? "User" : null)
///     .Scalar("Money", ScalarCoercion.Create(serialize: ..., parseValue: ..., parseLiteral: ...))
///     .RequireExplicitResolvers()                     // strict: every field bound or marked property-backed
///     .Build();                                       // throws SchemaBindingException listing every problem
/// </code>
/// Without <see cref="RequireExplicitResolvers"/>, a field with no resolver uses the default resolver, which
/// reads the member named like the field from the parent (CLR property or field, case-insensitive; dictionary
/// key; JSON property), like graphql-js's <c>graphql({ schema, rootValue })</c>.
/// </summary>
public sealed class ExecutableSchemaBuilder
{
    private readonly Schema _typeSystem;
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = new();
    private readonly Dictionary<(string Type, string Field), SubscriptionResolver> _subscribers = new();
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarCoercion> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type?> _propertyBackedTypes = new(StringComparer.Ordinal);
    private readonly HashSet<(string Type, string Field)> _propertyBackedFields = new();
    private readonly List<string> _problems = new();
    private readonly List<Type> _resolverClasses = new();
    private readonly Dictionary<Type, ScopedValueFactory> _scopedFactories = new();
    private bool _strict;
    private bool _exposeExceptionMessages;

    private ExecutableSchemaBuilder(Schema typeSystem)
    {
        _typeSystem = typeSystem;
    }

    /// <summary>
    /// Starts from a schema built (and validated) by <see cref="SchemaBuilder"/>: the executable schema is compiled
    /// from its definitions, and it is kept as <see cref="ExecutableSchema.TypeSystem"/> for document validation.
    /// </summary>
    public static ExecutableSchemaBuilder FromSchema(Schema typeSystem)
    {
        ArgumentNullException.ThrowIfNull(typeSystem);
        return new ExecutableSchemaBuilder(typeSystem);
    }

    /// <summary>
    /// Starts from a parsed type-system document. The SDL is built and validated by <see cref="SchemaBuilder"/>
    /// (its <see cref="SchemaValidationException"/> lists every problem); see <see cref="FromSchema"/>. Custom
    /// scalars named <c>DateTime</c> and <c>Long</c> get the shipped coercions unless <paramref name="options"/> or
    /// <see cref="Scalar"/> say otherwise.
    /// </summary>
    public static ExecutableSchemaBuilder FromDocument(DocumentNode sdl, SchemaBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        return new ExecutableSchemaBuilder(SchemaBuilder.FromDocument(sdl, options));
    }

    /// <summary>Starts from SDL text; see <see cref="FromDocument"/>. Syntax errors throw <see cref="SchemaValidationException"/>.</summary>
    public static ExecutableSchemaBuilder FromSdl(string sdl, SchemaBuildOptions? options = null)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(sdl);
        }
        catch (Errors.GraphQLSyntaxException ex)
        {
            throw new SchemaValidationException([ex.Error]);
        }
        return FromDocument(document, options);
    }

    /// <summary>Binds a resolver in its raw form (a completed ValueTask for synchronous work).</summary>
    public ExecutableSchemaBuilder Resolve(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (!_resolvers.TryAdd((typeName, fieldName), resolver))
            _problems.Add($"{typeName}.{fieldName} has more than one resolver.");
        return this;
    }

    /// <summary>Binds a synchronous resolver.</summary>
    public ExecutableSchemaBuilder Resolve(string typeName, string fieldName, Func<ResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(typeName, fieldName, ctx => new ValueTask<object?>(resolver(ctx)));
    }

    /// <summary>Binds a synchronous resolver that reads its parent as <typeparamref name="TParent"/>.</summary>
    public ExecutableSchemaBuilder Resolve<TParent>(string typeName, string fieldName, Func<TParent, ResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(typeName, fieldName, ctx => new ValueTask<object?>(resolver(ctx.ParentAs<TParent>(), ctx)));
    }

    /// <summary>Binds an asynchronous resolver.</summary>
    public ExecutableSchemaBuilder ResolveAsync<TResult>(string typeName, string fieldName, Func<ResolverContext, Task<TResult>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(typeName, fieldName, ctx => Box(resolver(ctx)));
    }

    /// <summary>Binds an asynchronous resolver that reads its parent as <typeparamref name="TParent"/>.</summary>
    public ExecutableSchemaBuilder ResolveAsync<TParent, TResult>(string typeName, string fieldName,
        Func<TParent, ResolverContext, Task<TResult>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(typeName, fieldName, ctx => Box(resolver(ctx.ParentAs<TParent>(), ctx)));
    }

    private static ValueTask<object?> Box<TResult>(Task<TResult> task)
    {
        if (task.IsCompletedSuccessfully) return new ValueTask<object?>(task.Result);
        return Await(task);

        static async ValueTask<object?> Await(Task<TResult> pending) => await pending.ConfigureAwait(false);
    }

    /// <summary>
    /// Binds the source stream of a subscription root field. Each event is the field's value unless a resolver is
    /// bound to the field too (HotChocolate's convention: the message is the result).
    /// </summary>
    public ExecutableSchemaBuilder Subscribe(string typeName, string fieldName, SubscriptionResolver subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        if (!_subscribers.TryAdd((typeName, fieldName), subscribe))
            _problems.Add($"{typeName}.{fieldName} has more than one subscribe resolver.");
        return this;
    }

    /// <summary>Binds the source stream of a subscription root field from a typed asynchronous stream.</summary>
    public ExecutableSchemaBuilder Subscribe<TEvent>(string typeName, string fieldName,
        Func<ResolverContext, Task<IAsyncEnumerable<TEvent>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        return Subscribe(typeName, fieldName, (SubscriptionResolver)(async ctx => Untyped(await subscribe(ctx).ConfigureAwait(false))));

        static async IAsyncEnumerable<object?> Untyped(IAsyncEnumerable<TEvent> events,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return item;
        }
    }

    /// <summary>
    /// Binds resolver classes: each class marked <see cref="ObjectTypeAttribute"/> or <see cref="ExtendObjectTypeAttribute"/>
    /// resolves fields of that type with its public methods, bound by name and compiled once by <see cref="Build"/>.
    /// <code>
    /// [ObjectType("Organization", typeof(Organization))]        // fields without a method read Organization's properties
    /// public static class OrganizationResolvers
    /// {
    ///     public static Task&lt;IReadOnlyList&lt;User&gt;&gt; UsersAsync([Parent] Organization organization, UserStore users,
    ///         CancellationToken cancellationToken) => users.ListAsync(organization.Id, cancellationToken);
    /// }
    /// </code>
    /// A parameter is, in order: the <see cref="CancellationToken"/>, the <see cref="ResolverContext"/>, the parent
    /// (<see cref="ParentAttribute"/>), the argument of its name (converted: enums, lists, input objects to records), a
    /// value made per call (<see cref="ResolverScoped{T}"/>), else a service of the request.
    /// </summary>
    public ExecutableSchemaBuilder AddResolvers(params Type[] resolverClasses)
    {
        _resolverClasses.AddRange(resolverClasses);
        return this;
    }

    /// <summary>
    /// Resolver methods taking a <typeparamref name="T"/> get one made for their call alone by <paramref name="create"/>
    /// and disposed when the field's value is complete (after its middleware, such as paging, has run). For a database
    /// context per resolver: sibling fields run concurrently and a context is not thread-safe.
    /// </summary>
    public ExecutableSchemaBuilder ResolverScoped<T>(Func<ResolverContext, ValueTask<T>> create) where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        _scopedFactories[typeof(T)] = async context => await create(context).ConfigureAwait(false);
        return this;
    }

    /// <summary>Marks every field of <paramref name="typeName"/> that has no resolver as read from the parent's members.</summary>
    public ExecutableSchemaBuilder PropertyBacked(string typeName)
    {
        _propertyBackedTypes[typeName] = null;
        return this;
    }

    /// <summary>
    /// Marks the fields of <paramref name="typeName"/> without a resolver as read from properties of
    /// <typeparamref name="TClr"/>; <see cref="Build"/> checks that each such field has a matching member.
    /// </summary>
    public ExecutableSchemaBuilder PropertyBacked<TClr>(string typeName)
    {
        _propertyBackedTypes[typeName] = typeof(TClr);
        return this;
    }

    /// <summary>Marks single fields as read from the parent's members.</summary>
    public ExecutableSchemaBuilder PropertyBacked(string typeName, params string[] fieldNames)
    {
        foreach (var field in fieldNames) _propertyBackedFields.Add((typeName, field));
        return this;
    }

    /// <summary>Names the object type of values of an interface or union.</summary>
    public ExecutableSchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Supplies the coercion hooks of a custom scalar.</summary>
    public ExecutableSchemaBuilder Scalar(string scalarName, ScalarCoercion coercion)
    {
        ArgumentNullException.ThrowIfNull(coercion);
        _scalars[scalarName] = coercion;
        return this;
    }

    /// <summary>Strict mode: every field needs a resolver or a <see cref="PropertyBacked(string)"/> mark.</summary>
    public ExecutableSchemaBuilder RequireExplicitResolvers(bool required = true)
    {
        _strict = required;
        return this;
    }

    /// <summary>Shows the messages of unexpected resolver exceptions to clients (off by default: they may leak internals).</summary>
    public ExecutableSchemaBuilder ExposeExceptionMessages(bool expose = true)
    {
        _exposeExceptionMessages = expose;
        return this;
    }

    /// <summary>Builds the schema, or throws <see cref="SchemaBindingException"/> listing every problem.</summary>
    public ExecutableSchema Build()
    {
        var problems = new List<string>(_problems);
        var compiled = new SchemaCompiler(_typeSystem, problems);
        ExecutableSchema? built = null;
        IntrospectionSystem.Bind(compiled, () => built!);

        BindResolvers(compiled, problems);
        BindSubscribers(compiled, problems);
        var classBinder = new ResolverClassBinder(_resolverClasses, _scopedFactories);
        classBinder.Bind(compiled, problems);
        foreach (var (typeName, backing) in classBinder.BackingTypes) _propertyBackedTypes[typeName] = backing;
        BindTypeResolvers(compiled, problems);
        BindScalars(compiled, problems);
        CheckUnresolvedFields(compiled, problems, classBinder);
        if (problems.Count > 0) throw new SchemaBindingException(problems);

        built = new ExecutableSchema(compiled, _exposeExceptionMessages);
        return built;
    }

    private void BindResolvers(SchemaCompiler compiled, List<string> problems)
    {
        foreach (var ((typeName, fieldName), resolver) in _resolvers)
        {
            var type = compiled.GetNamedType(typeName);
            if (type is not ExecutableObjectType objectType || type.IsIntrospectionType)
            {
                problems.Add(type is null
                    ? $"A resolver is bound to {typeName}.{fieldName}, but the schema has no type \"{typeName}\"."
                    : $"A resolver is bound to {typeName}.{fieldName}, but \"{typeName}\" is not an object type.");
                continue;
            }
            var field = objectType.GetField(fieldName);
            if (field is null)
            {
                problems.Add($"A resolver is bound to {typeName}.{fieldName}, but \"{typeName}\" has no field \"{fieldName}\".");
                continue;
            }
            field.Resolver = resolver;
        }
    }

    private void BindSubscribers(SchemaCompiler compiled, List<string> problems)
    {
        foreach (var ((typeName, fieldName), subscribe) in _subscribers)
        {
            var field = compiled.SubscriptionType?.Name == typeName ? compiled.SubscriptionType.GetField(fieldName) : null;
            if (field is null)
            {
                problems.Add($"A subscribe resolver is bound to {typeName}.{fieldName}, which is not a field of the subscription root type.");
                continue;
            }
            field.Subscriber = subscribe;
            field.Resolver ??= static ctx => new ValueTask<object?>(ctx.Parent);
        }
    }

    private void BindTypeResolvers(SchemaCompiler compiled, List<string> problems)
    {
        foreach (var (name, resolver) in _typeResolvers)
        {
            switch (compiled.GetNamedType(name))
            {
                case ExecutableInterfaceType i: i.TypeResolver = resolver; break;
                case ExecutableUnionType u: u.TypeResolver = resolver; break;
                default: problems.Add($"A type resolver is bound to \"{name}\", which is not an interface or union of the schema."); break;
            }
        }
    }

    private void BindScalars(SchemaCompiler compiled, List<string> problems)
    {
        foreach (var (name, coercion) in _scalars)
        {
            if (compiled.GetNamedType(name) is ExecutableScalarType { BuiltIn: BuiltInScalar.None } scalar) scalar.Coercion = coercion;
            else problems.Add($"Scalar hooks are bound to \"{name}\", which is not a custom scalar of the schema.");
        }
    }

    private void CheckUnresolvedFields(SchemaCompiler compiled, List<string> problems, ResolverClassBinder classBinder)
    {
        foreach (var (typeName, clrType) in _propertyBackedTypes)
        {
            if (compiled.GetNamedType(typeName) is not ExecutableObjectType objectType)
            {
                problems.Add($"\"{typeName}\" is marked property-backed, but it is not an object type of the schema.");
                continue;
            }
            if (clrType is null) continue;
            foreach (var field in objectType.Fields)
            {
                if (field.Resolver is not null || classBinder.FieldsWithMethods.Contains(field) || PropertyReader.CanRead(clrType, field.Name)) continue;
                problems.Add(classBinder.ClassesByType.TryGetValue(typeName, out var classes)
                    ? $"{typeName}.{field.Name} has no resolver: no method {ResolverClassBinder.MethodNamesFor(field.Name)} in {string.Join(" or ", classes.Select(c => c.Name))}, and {clrType.Name} has no member \"{field.Name}\"."
                    : $"{typeName}.{field.Name} has no resolver and {clrType.Name} has no member \"{field.Name}\".");
            }
        }
        foreach (var (typeName, fieldName) in _propertyBackedFields)
        {
            if ((compiled.GetNamedType(typeName) as ExecutableObjectType)?.GetField(fieldName) is null)
                problems.Add($"{typeName}.{fieldName} is marked property-backed, but the schema has no such field.");
        }
        if (!_strict) return;
        foreach (var type in compiled.Types)
        {
            if (type is not ExecutableObjectType objectType || type.IsIntrospectionType) continue;
            if (_propertyBackedTypes.ContainsKey(type.Name)) continue;
            foreach (var field in objectType.Fields)
            {
                if (field.Resolver is not null || classBinder.FieldsWithMethods.Contains(field) ||
                    _propertyBackedFields.Contains((type.Name, field.Name))) continue;
                problems.Add(classBinder.ClassesByType.TryGetValue(type.Name, out var classes)
                    ? $"{type.Name}.{field.Name} has no resolver: no method {ResolverClassBinder.MethodNamesFor(field.Name)} in {string.Join(" or ", classes.Select(c => c.Name))}, and \"{type.Name}\" has no backing type."
                    : $"{type.Name}.{field.Name} has no resolver (bind one, or mark it property-backed).");
            }
        }
    }
}
