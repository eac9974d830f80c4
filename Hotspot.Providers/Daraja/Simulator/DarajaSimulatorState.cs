using System.Collections.Concurrent;
using Hotspot.Providers.Simulation;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>What the Daraja simulator remembers: tokens, STK pushes, B2C payments, URL registrations.</summary>
public sealed class DarajaSimulatorState
{
    private readonly Lock _issuing = new();
    private readonly Dictionary<string, string> _latestTokenByApp = [];
    private int _tokenRequests;
    private int _stkPushRequests;
    private int _injectedSpikeArrests;

    internal ConcurrentDictionary<string, IssuedToken> Tokens { get; } = new();

    internal ConcurrentDictionary<string, SimulatedCheckout> Checkouts { get; } = new();

    internal ConcurrentDictionary<string, SimulatedB2C> B2CPayments { get; } = new();

    internal ConcurrentDictionary<string, C2BRegistration> C2BRegistrations { get; } = new();

    /// <summary>Token requests answered (successful or not).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>STK push requests received, accepted or not.</summary>
    public int StkPushRequests => Volatile.Read(ref _stkPushRequests);

    /// <summary>Makes the next <paramref name="count"/> API calls (not token calls) fail with spike arrest.</summary>
    public void InjectSpikeArrests(int count) => Interlocked.Add(ref _injectedSpikeArrests, count);

    /// <summary>Forgets every token, as if they had all expired.</summary>
    public void ExpireAllTokens() => Tokens.Clear();

    public C2BRegistration? RegistrationFor(string shortCode) => C2BRegistrations.GetValueOrDefault(shortCode);

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    /// <summary>
    /// Issues a token to an app; with <paramref name="revokePrevious"/> (Daraja's FAQ: "each request invalidates the
    /// previous token") the app's earlier token stops working, atomically, so of tokens issued at once only the last works.
    /// </summary>
    internal void Issue(string consumerKey, string token, DateTimeOffset expiresAt, bool revokePrevious)
    {
        lock (_issuing)
        {
            Tokens[token] = new IssuedToken(consumerKey, expiresAt);
            if (_latestTokenByApp.TryGetValue(consumerKey, out var previous) && revokePrevious)
            {
                Tokens.TryRemove(previous, out _);
            }

            _latestTokenByApp[consumerKey] = token;
        }
    }

    internal void CountStkPush() => Interlocked.Increment(ref _stkPushRequests);

    internal bool TakeInjectedSpikeArrest()
    {
        while (true)
        {
            var current = Volatile.Read(ref _injectedSpikeArrests);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _injectedSpikeArrests, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    internal sealed record IssuedToken(string ConsumerKey, DateTimeOffset ExpiresAt);

    internal sealed class SimulatedCheckout
    {
        public required string MerchantRequestId { get; init; }
        public required string CheckoutRequestId { get; init; }
        public required string ShortCode { get; init; }
        public required string PhoneNumber { get; init; }
        public required long Amount { get; init; }
        public required SandboxOutcome Outcome { get; init; }
        public required DateTimeOffset RequestedAt { get; init; }
        public int QueryCount;

        // Set once when the outcome happens; read by queries.
        public volatile Completion? Result;
    }

    internal sealed record Completion(int ResultCode, string ResultDesc, string? Receipt, DateTimeOffset CompletedAt);

    internal sealed record SimulatedB2C(
        string ConversationId, string OriginatorConversationId, string ShortCode, string PhoneNumber, long Amount, string Receipt, DateTimeOffset At);
}

/// <summary>URLs registered for a short code.</summary>
public sealed record C2BRegistration(string ShortCode, string Version, string ResponseType, Uri ConfirmationUrl, Uri ValidationUrl);
