namespace Hotspot.Providers.Http;

/// <summary>
/// Marks a Refit method whose request may be sent again after a transient failure: token requests, queries and
/// status reads. <see cref="SafeRetryHandler"/> retries only these; an STK push or a payout never carries it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SafeToRetryAttribute : Attribute;
