using System.Collections.Concurrent;
using Hotspot.Providers.Simulation;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>What the Kopo Kopo simulator remembers: tokens, subscriptions, incoming payments, payouts.</summary>
public sealed class KopoKopoSimulatorState
{
    private int _tokenRequests;
    private int _incomingPaymentRequests;

    internal ConcurrentDictionary<string, IssuedToken> Tokens { get; } = new();

    internal ConcurrentDictionary<string, Subscription> Subscriptions { get; } = new();

    internal ConcurrentDictionary<string, SimulatedPayment> IncomingPayments { get; } = new();

    internal ConcurrentDictionary<string, SimulatedPayout> Payouts { get; } = new();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int IncomingPaymentRequests => Volatile.Read(ref _incomingPaymentRequests);

    /// <summary>Webhook subscriptions of a client: (event type, url, scope, scope reference).</summary>
    public IReadOnlyList<(string EventType, string Url, string Scope, string? ScopeReference)> SubscriptionsOf(string clientId) =>
        Subscriptions.Values.Where(s => s.ClientId == clientId).Select(s => (s.EventType, s.Url, s.Scope, s.ScopeReference)).ToList();

    /// <summary>Forgets every token, as if they had all expired.</summary>
    public void ExpireAllTokens() => Tokens.Clear();

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    internal void CountIncomingPayment() => Interlocked.Increment(ref _incomingPaymentRequests);

    internal sealed record IssuedToken(string ClientId, string ApiKey, DateTimeOffset ExpiresAt);

    internal sealed record Subscription(string Id, string ClientId, string EventType, string Url, string Scope, string? ScopeReference, string Self);

    internal sealed class SimulatedPayment
    {
        public required string Id { get; init; }
        public required string ClientId { get; init; }
        public required string ApiKey { get; init; }
        public required string TillNumber { get; init; }
        public required string PhoneNumber { get; init; }
        public required long Amount { get; init; }
        public required string? FirstName { get; init; }
        public required string? LastName { get; init; }
        public required Dictionary<string, string> Metadata { get; init; }
        public required string CallbackUrl { get; init; }
        public required string Self { get; init; }
        public required DateTimeOffset InitiatedAt { get; init; }
        public required SandboxOutcome Outcome { get; init; }

        // Set once when the outcome happens.
        public volatile PaymentCompletion? Completion;
    }

    internal sealed record PaymentCompletion(bool Success, string? Receipt, string? Errors, DateTimeOffset At, string ResourceId);

    internal sealed class SimulatedPayout
    {
        public required string Id { get; init; }
        public required string ClientId { get; init; }
        public required string ApiKey { get; init; }
        public required string DestinationType { get; init; }
        public required string? PhoneNumber { get; init; }
        public required string? TillNumber { get; init; }
        public required long Amount { get; init; }
        public required string? Nickname { get; init; }
        public required string? Description { get; init; }
        public required Dictionary<string, string> Metadata { get; init; }
        public required string CallbackUrl { get; init; }
        public required string Self { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public required SandboxOutcome Outcome { get; init; }

        public volatile PayoutCompletion? Completion;
    }

    internal sealed record PayoutCompletion(bool Success, string? Reference, string? Errors, DateTimeOffset At, string DestinationReference);
}
