namespace Hotspot.GraphQL.Binding;

/// <summary>
/// The parameter is a service of the request, even though its name matches an argument. Parameters named like no
/// argument are services anyway; this attribute only says so explicitly.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceAttribute : Attribute;
