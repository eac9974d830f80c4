namespace Hotspot.GraphQL.Binding;

/// <summary>Makes a value for one resolver call (a database context of its own), disposed when the call completes.</summary>
public delegate ValueTask<object> ScopedValueFactory(ResolverContext context);
