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
    private readonly DocumentNode _sdl;
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = new();
    private readonly Dictionary<(string Type, string Field), SubscriptionResolver> _subscribers = new();
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarCoercion> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type?> _propertyBackedTypes = new(StringComparer.Ordinal);
    private readonly HashSet<(string Type, string Field)> _propertyBackedFields = new();
    private readonly List<string> _problems = new();
    private Schema? _typeSystem;
    private readonly HashSet<string> _explicitScalars = new(StringComparer.Ordinal);
    private readonly List<Type> _resolverClasses = new();
    private readonly Dictionary<Type, ScopedValueFactory> _scopedFactories = new();
    private bool _strict;
    private bool _exposeExceptionMessages;

    private ExecutableSchemaBuilder(DocumentNode sdl, Schema? typeSystem, SchemaBuildOptions? options)
    {
        _sdl = sdl;
        _typeSystem = typeSystem;
        if (options is not null)
            foreach (var (name, coercion) in options.Scalars) _scalars[name] = coercion;
    }

    /// <summary>
    /// Starts from a parsed type-system document WITHOUT building the type-system schema: the result has no
    /// <see cref="ExecutableSchema.TypeSystem"/> unless <see cref="WithTypeSystem"/> supplies one. Prefer
    /// <see cref="FromSdl"/> / <see cref="FromDocument"/>, which validate the SDL and keep the type system.
    /// </summary>
    public ExecutableSchemaBuilder(DocumentNode sdl) : this(sdl ?? throw new ArgumentNullException(nameof(sdl)), null, null)
    {
    }

    /// <summary>
    /// Starts from a parsed type-system document. The SDL is built and validated by <see cref="SchemaBuilder"/>
    /// first (its <see cref="SchemaValidationException"/> lists every problem); that schema is kept as
    /// <see cref="ExecutableSchema.TypeSystem"/> for document validation. Custom scalars named <c>DateTime</c> and
    /// <c>Long</c> get the shipped coercions unless <paramref name="options"/> or <see cref="Scalar"/> say otherwise.
    /// </summary>
    public static ExecutableSchemaBuilder FromDocument(DocumentNode sdl, SchemaBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        return new ExecutableSchemaBuilder(sdl, SchemaBuilder.FromDocument(sdl, options), options);
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
        _explicitScalars.Add(scalarName);
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

    /// <summary>Replaces the type-system schema kept for validation (one built from the same SDL with other options).</summary>
    public ExecutableSchemaBuilder WithTypeSystem(Schema typeSystem)
    {
        ArgumentNullException.ThrowIfNull(typeSystem);
        _typeSystem = typeSystem;
        return this;
    }

    /// <summary>Builds the schema, or throws <see cref="SchemaBindingException"/> listing every problem.</summary>
    public ExecutableSchema Build()
    {
        var problems = new List<string>(_problems);
        var reader = new SchemaReader(problems);
        ExecutableSchema? built = null;
        var meta = IntrospectionSystem.AddTo(reader, () => built!);
        reader.Read(_sdl);
        if (reader.QueryType is null) throw new SchemaBindingException(problems);

        BindResolvers(reader, problems);
        BindSubscribers(reader, problems);
        var classBinder = new ResolverClassBinder(_resolverClasses, _scopedFactories);
        classBinder.Bind(reader, problems);
        foreach (var (typeName, backing) in classBinder.BackingTypes) _propertyBackedTypes[typeName] = backing;
        BindTypeResolvers(reader, problems);
        BindScalars(reader, problems);
        CheckUnresolvedFields(reader, problems, classBinder);
        if (problems.Count > 0) throw new SchemaBindingException(problems);

        var types = OrderTypes(reader.Types);
        built = new ExecutableSchema(reader.Description, types, reader.Directives, reader.QueryType, reader.MutationType,
            reader.SubscriptionType, _typeSystem, _exposeExceptionMessages)
        {
            SchemaMetaField = meta.Schema,
            TypeMetaField = meta.Type,
            TypeNameMetaField = meta.TypeName,
        };
        return built;
    }

    /// <summary>
    /// The order introspection lists types in: the type system's (graphql-js's: types as the schema reaches them)
    /// when there is one, else user types first and introspection types last.
    /// </summary>
    private List<ExecutableNamedType> OrderTypes(IReadOnlyList<ExecutableNamedType> types)
    {
        var userFirst = types.Where(t => !t.IsIntrospectionType).Concat(types.Where(t => t.IsIntrospectionType)).ToList();
        if (_typeSystem is null) return userFirst;
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in _typeSystem.Types) position.TryAdd(type.Name, position.Count);
        return userFirst.OrderBy(t => position.TryGetValue(t.Name, out var index) ? index : int.MaxValue).ToList();
    }

    private void BindResolvers(SchemaReader reader, List<string> problems)
    {
        foreach (var ((typeName, fieldName), resolver) in _resolvers)
        {
            var type = reader.GetNamedType(typeName);
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

    private void BindSubscribers(SchemaReader reader, List<string> problems)
    {
        foreach (var ((typeName, fieldName), subscribe) in _subscribers)
        {
            var field = reader.SubscriptionType?.Name == typeName ? reader.SubscriptionType.GetField(fieldName) : null;
            if (field is null)
            {
                problems.Add($"A subscribe resolver is bound to {typeName}.{fieldName}, which is not a field of the subscription root type.");
                continue;
            }
            field.Subscriber = subscribe;
            field.Resolver ??= static ctx => new ValueTask<object?>(ctx.Parent);
        }
    }

    private void BindTypeResolvers(SchemaReader reader, List<string> problems)
    {
        foreach (var (name, resolver) in _typeResolvers)
        {
            switch (reader.GetNamedType(name))
            {
                case ExecutableInterfaceType i: i.TypeResolver = resolver; break;
                case ExecutableUnionType u: u.TypeResolver = resolver; break;
                default: problems.Add($"A type resolver is bound to \"{name}\", which is not an interface or union of the schema."); break;
            }
        }
    }

    private void BindScalars(SchemaReader reader, List<string> problems)
    {
        foreach (var type in reader.Types)
        {
            if (type is ExecutableScalarType { BuiltIn: BuiltInScalar.None } custom &&
                BuiltInScalars.ShippedCoercion(custom.Name) is { } shipped)
                custom.Coercion = shipped;
        }
        foreach (var (name, coercion) in _scalars)
        {
            if (reader.GetNamedType(name) is ExecutableScalarType { BuiltIn: BuiltInScalar.None } scalar) scalar.Coercion = coercion;
            else if (reader.GetNamedType(name) is null && !_explicitScalars.Contains(name)) continue; // an option for a scalar this schema lacks
            else problems.Add($"Scalar hooks are bound to \"{name}\", which is not a custom scalar of the schema.");
        }
    }

    private void CheckUnresolvedFields(SchemaReader reader, List<string> problems, ResolverClassBinder classBinder)
    {
        foreach (var (typeName, clrType) in _propertyBackedTypes)
        {
            if (reader.GetNamedType(typeName) is not ExecutableObjectType objectType)
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
            if ((reader.GetNamedType(typeName) as ExecutableObjectType)?.GetField(fieldName) is null)
                problems.Add($"{typeName}.{fieldName} is marked property-backed, but the schema has no such field.");
        }
        if (!_strict) return;
        foreach (var type in reader.Types)
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
