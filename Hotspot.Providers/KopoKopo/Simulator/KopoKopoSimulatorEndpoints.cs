using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>
/// An offline Kopo Kopo: OAuth, webhook subscriptions, incoming payments (STK push) and v2 send money, with
/// K2's validation and error bodies, <c>201</c> + <c>Location</c>, and results and webhooks signed with the
/// application's API key. Outcomes follow <see cref="SandboxScenarios"/>.
/// </summary>
public static class KopoKopoSimulatorEndpoints
{
    private static readonly string[] V2EventTypes = ["b2b_transaction_reversed"];

    /// <summary>Mounts the simulator under <paramref name="prefix"/>; needs <c>AddKopoKopoSimulator()</c>.</summary>
    public static RouteGroupBuilder MapKopoKopoSimulator(this IEndpointRouteBuilder endpoints, string prefix = "/sandbox/kopokopo")
    {
        if (endpoints.ServiceProvider.GetService<KopoKopoSimulatorState>() is null)
        {
            throw new InvalidOperationException("Call services.AddKopoKopoSimulator() before MapKopoKopoSimulator().");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapPost("/oauth/token", (HttpContext c, KopoKopoSimulatorState s, IOptions<KopoKopoSimulatorOptions> o, TimeProvider t) => Token(c, s, o.Value, t));
        group.MapPost("/api/{version}/webhook_subscriptions", (string version, HttpContext c, KopoKopoSimulatorState s, TimeProvider t) =>
            Subscribe(version, prefix, c, s, t));
        group.MapGet("/api/{version}/webhook_subscriptions/{id}", (string version, string id, HttpContext c, KopoKopoSimulatorState s, TimeProvider t) =>
            Authorized(c, s, t, token => s.Subscriptions.TryGetValue(id, out var sub) && sub.ClientId == token.ClientId
                ? Json(200, KopoKopoSimulatorPayloads.Subscription(sub))
                : NotFound()));
        group.MapPost("/api/{version}/incoming_payments", (string version, HttpContext c, KopoKopoSimulatorState s, IOptions<KopoKopoSimulatorOptions> o,
            TimeProvider t, CallbackPoster p, IHostApplicationLifetime l) => RequestPayment(version, prefix, c, s, o.Value, t, p, l));
        group.MapGet("/api/{version}/incoming_payments/{id}", (string version, string id, HttpContext c, KopoKopoSimulatorState s, TimeProvider t) =>
            Authorized(c, s, t, token => s.IncomingPayments.TryGetValue(id, out var payment) && payment.ClientId == token.ClientId
                ? Json(200, KopoKopoSimulatorPayloads.IncomingPayment(payment))
                : NotFound()));
        group.MapPost("/api/v2/send_money", (HttpContext c, KopoKopoSimulatorState s, IOptions<KopoKopoSimulatorOptions> o, TimeProvider t,
            CallbackPoster p, IHostApplicationLifetime l) => SendMoney(prefix, c, s, o.Value, t, p, l));
        group.MapGet("/api/v2/send_money/{id}", (string id, HttpContext c, KopoKopoSimulatorState s, TimeProvider t) =>
            Authorized(c, s, t, token => s.Payouts.TryGetValue(id, out var payout) && payout.ClientId == token.ClientId
                ? Json(200, KopoKopoSimulatorPayloads.SendMoney(payout))
                : NotFound()));
        return group;
    }

    private static async Task<IResult> Token(HttpContext context, KopoKopoSimulatorState state, KopoKopoSimulatorOptions options, TimeProvider time)
    {
        state.CountTokenRequest();
        if (!context.Request.HasFormContentType)
        {
            return Json(400, KopoKopoSimulatorPayloads.OAuthError("invalid_request", "The request is missing a required parameter."));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return Json(400, KopoKopoSimulatorPayloads.OAuthError("invalid_request", "The request body could not be read."));
        }

        if (form["grant_type"] != "client_credentials")
        {
            return Json(400, KopoKopoSimulatorPayloads.OAuthError("unsupported_grant_type", "The authorization grant type is not supported by the authorization server."));
        }

        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        string? apiKey;
        if (options.Applications.Count > 0)
        {
            apiKey = options.Applications.FirstOrDefault(a => a.ClientId == clientId && a.ClientSecret == secret)?.ApiKey;
        }
        else
        {
            apiKey = clientId.Length > 0 && secret.Length > 0 ? options.DefaultApiKey : null;
        }

        if (apiKey is null)
        {
            return Json(401, KopoKopoSimulatorPayloads.OAuthError("invalid_client",
                "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."));
        }

        var token = SimulatedIds.Hex(43);
        var now = time.GetUtcNow();
        state.Tokens[token] = new KopoKopoSimulatorState.IssuedToken(clientId, apiKey, now + options.TokenLifetime);
        return Json(200, KopoKopoSimulatorPayloads.Token(token, (long)Math.Ceiling(options.TokenLifetime.TotalSeconds), now));
    }

    private static Task<IResult> Subscribe(string version, string prefix, HttpContext context, KopoKopoSimulatorState state, TimeProvider time) =>
        AuthorizedAsync(context, state, time, async token =>
        {
            if (version is not ("v1" or "v2"))
            {
                return NotFound();
            }

            if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
            {
                return Invalid("The request body is not valid JSON");
            }

            var eventType = Text(body, "event_type");
            var url = Text(body, "url");
            var scope = Text(body, "scope");
            var scopeReference = Text(body, "scope_reference");
            if (eventType is null || !(KopoKopoWebhookEvents.All.Contains(eventType) || (version == "v2" && V2EventTypes.Contains(eventType))))
            {
                return Invalid("Event type is invalid");
            }

            if (!IsHttpUrl(url))
            {
                return Invalid("Url is invalid");
            }

            if (scope is not ("till" or "company"))
            {
                return Invalid("Scope is invalid");
            }

            if (scope == "till" && string.IsNullOrWhiteSpace(scopeReference))
            {
                return Invalid("Scope reference must be present when scope is till");
            }

            var id = Guid.NewGuid().ToString();
            var self = $"{BaseUrl(context, prefix)}/api/{version}/webhook_subscriptions/{id}";
            state.Subscriptions[id] = new KopoKopoSimulatorState.Subscription(id, token.ClientId, eventType, url!, scope!, scope == "till" ? scopeReference : null, self);
            return Created(self);
        });

    private static Task<IResult> RequestPayment(
        string version, string prefix, HttpContext context, KopoKopoSimulatorState state, KopoKopoSimulatorOptions options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime) =>
        AuthorizedAsync(context, state, time, async token =>
        {
            state.CountIncomingPayment();
            if (version is not ("v1" or "v2"))
            {
                return NotFound();
            }

            if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
            {
                return Invalid("The request body is not valid JSON");
            }

            var channel = Text(body, "payment_channel");
            var till = Text(body, "till_number");
            var subscriber = Property(body, "subscriber");
            var phone = subscriber is { } s ? Text(s, "phone_number") : null;
            var amount = Property(body, "amount");
            var links = Property(body, "_links");
            var callbackUrl = links is { } l ? Text(l, "callback_url") : null;
            if (channel is null || !(channel.Equals("M-PESA STK Push", StringComparison.OrdinalIgnoreCase) || channel == "M-PESA"))
            {
                return Invalid("Payment channel is invalid");
            }

            if (till is null || till.Length < 2 || till[0] != 'K' || !IsDigits(till[1..]))
            {
                return Invalid("Till number is invalid");
            }

            if (phone is not { Length: 13 } || phone[0] != '+' || !Msisdn.IsValid(phone[1..]))
            {
                return Invalid("Subscriber phone number is an invalid number");
            }

            if (amount is not { ValueKind: JsonValueKind.Object } a || Text(a, "currency") != "KES")
            {
                return Invalid("Currency is invalid");
            }

            if (!TryWholeAmount(a, "value", 1, 250_000, out var value))
            {
                return Invalid("Amount is invalid");
            }

            var metadata = Metadata(body);
            if (metadata is null)
            {
                return Invalid("Metadata can contain a maximum of 5 key-value pairs");
            }

            if (!IsHttpUrl(callbackUrl))
            {
                return Invalid("Callback url is invalid");
            }

            var outcome = SandboxScenarios.For(phone);
            if (outcome == SandboxOutcome.ProviderError)
            {
                return Json(500, KopoKopoSimulatorPayloads.Error(500, "Internal Server Error"));
            }

            var id = Guid.NewGuid().ToString();
            var baseUrl = BaseUrl(context, prefix);
            var payment = new KopoKopoSimulatorState.SimulatedPayment
            {
                Id = id,
                ClientId = token.ClientId,
                ApiKey = token.ApiKey,
                TillNumber = till,
                PhoneNumber = phone,
                Amount = value,
                FirstName = subscriber is { } named ? Text(named, "first_name") : null,
                LastName = subscriber is { } named2 ? Text(named2, "last_name") : null,
                Metadata = metadata,
                CallbackUrl = callbackUrl!,
                Self = $"{baseUrl}/api/{version}/incoming_payments/{id}",
                InitiatedAt = time.GetUtcNow(),
                Outcome = outcome,
            };
            state.IncomingPayments[id] = payment;
            _ = Task.Run(() => CompletePaymentAsync(payment, baseUrl, state, options.Delays, poster, time, lifetime.ApplicationStopping));
            return Created(payment.Self);
        });

    private static async Task CompletePaymentAsync(
        KopoKopoSimulatorState.SimulatedPayment payment, string baseUrl, KopoKopoSimulatorState state, SimulatorDelays delays, CallbackPoster poster,
        TimeProvider time, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delays.Result, stopping);
            var failure = SandboxScenarios.Failure(payment.Outcome);
            payment.Completion = new KopoKopoSimulatorState.PaymentCompletion(
                failure is null, failure is null ? SimulatedIds.Receipt() : null, failure?.Description, time.GetUtcNow(), Guid.NewGuid().ToString());

            var body = KopoKopoSimulatorPayloads.IncomingPayment(payment);
            var headers = Signed(payment.ApiKey, body);
            var webhooks = payment.Outcome == SandboxOutcome.LostCallback || failure is not null
                ? Task.CompletedTask
                : NotifySubscribersAsync(payment, baseUrl, state, poster, stopping);
            await OutcomeDelivery.DeliverAsync(payment.Outcome, body, new Uri(payment.CallbackUrl), delays, poster, stopping, headers);
            await webhooks;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A paid STK push is also a Buy Goods receipt on the till: subscribers hear of it too.</summary>
    private static async Task NotifySubscribersAsync(
        KopoKopoSimulatorState.SimulatedPayment payment, string baseUrl, KopoKopoSimulatorState state, CallbackPoster poster, CancellationToken stopping)
    {
        var tillDigits = payment.TillNumber.TrimStart('K');
        foreach (var subscription in state.Subscriptions.Values.Where(s => s.ClientId == payment.ClientId
                     && s.EventType == KopoKopoWebhookEvents.BuygoodsTransactionReceived
                     && (s.Scope == "company" || s.ScopeReference == payment.TillNumber || s.ScopeReference == tillDigits)))
        {
            var body = KopoKopoSimulatorPayloads.BuygoodsWebhook(Guid.NewGuid().ToString(), baseUrl, payment);
            await poster.PostAsync(new Uri(subscription.Url), body, Signed(payment.ApiKey, body), stopping);
        }
    }

    private static Task<IResult> SendMoney(
        string prefix, HttpContext context, KopoKopoSimulatorState state, KopoKopoSimulatorOptions options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime) =>
        AuthorizedAsync(context, state, time, async token =>
        {
            if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
            {
                return Invalid("The request body is not valid JSON");
            }

            if (Property(body, "destinations") is not { ValueKind: JsonValueKind.Array } destinations || destinations.GetArrayLength() != 1)
            {
                return Invalid("Destinations must hold one destination in this sandbox");
            }

            var destination = destinations[0];
            var type = Text(destination, "type");
            var phone = Text(destination, "phone_number")?.TrimStart('+');
            var till = Text(destination, "till_number");
            if (type == "mobile_wallet")
            {
                if (!Msisdn.IsValid(phone))
                {
                    return Invalid("Phone number is invalid");
                }

                if (Text(destination, "network") != "Safaricom")
                {
                    return Invalid("Network is invalid");
                }
            }
            else if (type == "till")
            {
                if (!IsDigits(till, 5, 8))
                {
                    return Invalid("Till number is invalid");
                }
            }
            else
            {
                return Invalid("Destination type is invalid");
            }

            if (!TryWholeAmount(destination, "amount", 1, 250_000, out var amount))
            {
                return Invalid("Amount is invalid");
            }

            if (Text(body, "currency") != "KES")
            {
                return Invalid("Currency is invalid");
            }

            var metadata = Metadata(body);
            if (metadata is null)
            {
                return Invalid("Metadata can contain a maximum of 5 key-value pairs");
            }

            var callbackUrl = Property(body, "_links") is { } links ? Text(links, "callback_url") : null;
            if (!IsHttpUrl(callbackUrl))
            {
                return Invalid("Callback url is invalid");
            }

            var outcome = type == "mobile_wallet" ? SandboxScenarios.For(phone!) : SandboxOutcome.Success;
            if (outcome == SandboxOutcome.ProviderError)
            {
                return Json(500, KopoKopoSimulatorPayloads.Error(500, "Internal Server Error"));
            }

            var id = Guid.NewGuid().ToString();
            var payout = new KopoKopoSimulatorState.SimulatedPayout
            {
                Id = id,
                ClientId = token.ClientId,
                ApiKey = token.ApiKey,
                DestinationType = type,
                PhoneNumber = type == "mobile_wallet" ? phone : null,
                TillNumber = type == "till" ? till : null,
                Amount = amount,
                Nickname = Text(destination, "nickname"),
                Description = Text(destination, "description"),
                Metadata = metadata,
                CallbackUrl = callbackUrl!,
                Self = $"{BaseUrl(context, prefix)}/api/v2/send_money/{id}",
                CreatedAt = time.GetUtcNow(),
                Outcome = outcome,
            };
            state.Payouts[id] = payout;
            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(options.Delays.Result, lifetime.ApplicationStopping);
                    var failure = SandboxScenarios.Failure(outcome);
                    payout.Completion = new KopoKopoSimulatorState.PayoutCompletion(
                        failure is null, failure is null ? SimulatedIds.Receipt() : null, failure?.Description, time.GetUtcNow(), Guid.NewGuid().ToString());
                    var result = KopoKopoSimulatorPayloads.SendMoney(payout);
                    await OutcomeDelivery.DeliverAsync(outcome, result, new Uri(payout.CallbackUrl), options.Delays, poster, lifetime.ApplicationStopping,
                        Signed(payout.ApiKey, result));
                }
                catch (OperationCanceledException)
                {
                }
            });
            return Created(payout.Self);
        });

    /// <summary>Flat string metadata of at most 5 pairs; null when there are more.</summary>
    private static Dictionary<string, string>? Metadata(JsonElement body)
    {
        var metadata = new Dictionary<string, string>();
        if (Property(body, "metadata") is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var pair in value.EnumerateObject())
            {
                metadata[pair.Name] = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText();
            }
        }

        return metadata.Count > 5 ? null : metadata;
    }

    private static Dictionary<string, string> Signed(string apiKey, byte[] body) =>
        new() { [KopoKopoSignature.HeaderName] = KopoKopoSignature.Compute(apiKey, body) };

    private static IResult Authorized(HttpContext context, KopoKopoSimulatorState state, TimeProvider time, Func<KopoKopoSimulatorState.IssuedToken, IResult> handle) =>
        Authenticate(context, state, time, out var token) is { } refused ? refused : handle(token!);

    private static async Task<IResult> AuthorizedAsync(
        HttpContext context, KopoKopoSimulatorState state, TimeProvider time, Func<KopoKopoSimulatorState.IssuedToken, Task<IResult>> handle) =>
        Authenticate(context, state, time, out var token) is { } refused ? refused : await handle(token!);

    private static IResult? Authenticate(HttpContext context, KopoKopoSimulatorState state, TimeProvider time, out KopoKopoSimulatorState.IssuedToken? token)
    {
        token = null;
        var header = context.Request.Headers.Authorization.ToString();
        var value = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;
        if (value is null || !state.Tokens.TryGetValue(value, out var issued))
        {
            return Json(401, KopoKopoSimulatorPayloads.Error(401, "InvalidAccessToken"));
        }

        if (issued.ExpiresAt <= time.GetUtcNow())
        {
            return Json(401, KopoKopoSimulatorPayloads.Error(401, "ExpiredAccessToken"));
        }

        token = issued;
        return null;
    }

    private static string BaseUrl(HttpContext context, string prefix) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{prefix.TrimEnd('/')}";

    private static IResult Created(string location) => new RawResult(201, null, location);

    private static IResult Invalid(string message) => Json(400, KopoKopoSimulatorPayloads.Error(400, message));

    private static IResult NotFound() => Json(404, KopoKopoSimulatorPayloads.Error(404, "Resource not found"));

    private static IResult Json(int status, byte[] body) => new RawResult(status, body, null);

    /// <summary>Exact bytes with a status (and a Location for 201 Created), as Kopo Kopo answers.</summary>
    private sealed class RawResult(int status, byte[]? body, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body is not null)
            {
                httpContext.Response.ContentType = "application/json";
                await httpContext.Response.Body.WriteAsync(body);
            }
        }
    }
}
