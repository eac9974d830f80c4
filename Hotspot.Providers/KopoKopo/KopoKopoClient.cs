using System.Text.Json;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Http;
using Hotspot.Providers.KopoKopo.Wire;
using Hotspot.Providers.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Providers.KopoKopo;

/// <summary>
/// Kopo Kopo K2 Connect through the Refit client <see cref="IKopoKopoApi"/>, with each organization's
/// credentials. Every POST answers <c>201 Created</c> with a <c>Location</c>; the result is posted to the callback
/// URL and can be read with <c>GET &lt;Location&gt;</c>. A 401 replaces the token once and repeats the call.
/// </summary>
public sealed class KopoKopoClient(
    IKopoKopoApi api,
    ProviderTokenCache tokens,
    IOptions<KopoKopoOptions> options,
    TimeProvider time,
    ILogger<KopoKopoClient> logger)
{
    private static readonly KopoKopoJsonContext Json = KopoKopoJsonContext.Default;

    public Task<GatewayResult<ProviderToken>> GetAccessTokenAsync(KopoKopoCredentials credentials, CancellationToken cancellationToken) =>
        tokens.GetAsync(credentials.TokenCacheKey, options.Value.TokenRefreshMargin, token => FetchTokenAsync(credentials, token), cancellationToken);

    /// <summary>Subscribes <paramref name="url"/> to one event type; <paramref name="tillNumber"/> null means scope <c>company</c>.</summary>
    public Task<GatewayResult<Uri>> SubscribeWebhookAsync(
        KopoKopoCredentials credentials, string eventType, Uri url, string? tillNumber, CancellationToken cancellationToken)
    {
        if (!KopoKopoWebhookEvents.All.Contains(eventType))
        {
            return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest($"Unknown webhook event type '{eventType}'."));
        }

        var scoped = tillNumber is not null && KopoKopoWebhookEvents.IsTillScoped(eventType);
        var request = new WebhookSubscriptionRequest(eventType, url.AbsoluteUri, scoped ? "till" : "company", scoped ? tillNumber : null);
        return PostAsync(credentials, "webhook subscription",
            (token, baseAddress) => api.SubscribeWebhookAsync(options.Value.ApiVersion, request, token, baseAddress, cancellationToken), cancellationToken);
    }

    public Task<GatewayResult<Uri>> RequestIncomingPaymentAsync(
        KopoKopoCredentials credentials, IncomingPaymentCommand command, CancellationToken cancellationToken)
    {
        if (!Msisdn.IsValid(command.PhoneNumber))
        {
            return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest("The phone number must look like 2547XXXXXXXX or 2541XXXXXXXX."));
        }

        if (command.AmountShillings is < 1 or > 250_000)
        {
            return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest("An STK push amount must be between 1 and 250,000 shillings."));
        }

        if (command.Metadata is { Count: > 5 })
        {
            return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest("Kopo Kopo accepts at most 5 metadata pairs."));
        }

        var request = new IncomingPaymentRequest(
            options.Value.PaymentChannel,
            credentials.TillNumber,
            new IncomingPaymentSubscriber(command.FirstName, command.LastName, "+" + command.PhoneNumber, command.Email),
            new KopoKopoAmount("KES", command.AmountShillings),
            command.Metadata?.ToDictionary(),
            new KopoKopoLinks(command.CallbackUrl.AbsoluteUri));

        // Never retried: a repeated push can charge the customer twice.
        return PostAsync(credentials, "incoming payment",
            (token, baseAddress) => api.RequestIncomingPaymentAsync(options.Value.ApiVersion, request, token, baseAddress, cancellationToken), cancellationToken);
    }

    public async Task<GatewayResult<IncomingPaymentResult>> GetIncomingPaymentAsync(
        KopoKopoCredentials credentials, Uri location, CancellationToken cancellationToken)
    {
        var result = await GetResultAsync(credentials, location, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return result.Value is IncomingPaymentResult payment
            ? GatewayResult<IncomingPaymentResult>.Success(payment)
            : new GatewayError(GatewayErrorKind.ProviderRejected, "unexpected_result", $"The Location holds a {result.Value.Type}, not an incoming payment.");
    }

    public Task<GatewayResult<Uri>> SendMoneyAsync(KopoKopoCredentials credentials, SendMoneyCommand command, CancellationToken cancellationToken)
    {
        SendMoneyDestinationWire destination;
        if (command.PhoneNumber is not null)
        {
            if (!Msisdn.IsValid(command.PhoneNumber))
            {
                return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest("The phone number must look like 2547XXXXXXXX or 2541XXXXXXXX."));
            }

            destination = new SendMoneyDestinationWire("mobile_wallet", command.Nickname, command.PhoneNumber, "Safaricom", null,
                command.AmountShillings, command.Description, false);
        }
        else if (!string.IsNullOrWhiteSpace(command.TillNumber))
        {
            destination = new SendMoneyDestinationWire("till", command.Nickname, null, null, command.TillNumber,
                command.AmountShillings, command.Description, false);
        }
        else
        {
            return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest("Send money needs a phone number or a till number."));
        }

        if (command.AmountShillings is < 1 or > 250_000)
        {
            return Task.FromResult<GatewayResult<Uri>>(GatewayErrors.InvalidRequest("A send money amount must be between 1 and 250,000 shillings."));
        }

        var request = new SendMoneyRequest([destination], "KES", null, command.Metadata?.ToDictionary(), new KopoKopoLinks(command.CallbackUrl.AbsoluteUri));
        return PostAsync(credentials, "send money",
            (token, baseAddress) => api.SendMoneyAsync(request, token, baseAddress, cancellationToken), cancellationToken);
    }

    public async Task<GatewayResult<SendMoneyResult>> GetSendMoneyAsync(KopoKopoCredentials credentials, Uri location, CancellationToken cancellationToken)
    {
        var result = await GetResultAsync(credentials, location, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return result.Value is SendMoneyResult sent
            ? GatewayResult<SendMoneyResult>.Success(sent)
            : new GatewayError(GatewayErrorKind.ProviderRejected, "unexpected_result", $"The Location holds a {result.Value.Type}, not a send money.");
    }

    /// <summary>Reads any result by its <c>Location</c>; only locations on the configured Kopo Kopo host get our token.</summary>
    public async Task<GatewayResult<KopoKopoResult>> GetResultAsync(KopoKopoCredentials credentials, Uri location, CancellationToken cancellationToken)
    {
        var baseUri = BaseUri(credentials);
        if (!location.IsAbsoluteUri || Uri.Compare(location, baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return GatewayErrors.InvalidRequest("The Location is not on the configured Kopo Kopo host.");
        }

        var sent = await SendWithTokenAsync(credentials, (token, _) => api.GetResultAsync(location, token, cancellationToken), safeToRepeat: true, cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var (status, body, _) = sent.Value;
        if (status is < 200 or > 299)
        {
            return KopoKopoErrorMapper.Map(status, body);
        }

        var parsed = KopoKopoResultParser.Parse(body);
        return parsed.IsSuccess
            ? parsed
            : new GatewayError(GatewayErrorKind.ProviderRejected, "unreadable_response", parsed.Error!.Message, HttpStatus: status);
    }

    private async Task<GatewayResult<Uri>> PostAsync(
        KopoKopoCredentials credentials, string operation, Func<string, Uri, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var sent = await SendWithTokenAsync(credentials, send, safeToRepeat: false, cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var (status, body, location) = sent.Value;
        if (status is < 200 or > 299)
        {
            var error = KopoKopoErrorMapper.Map(status, body);
            logger.LogWarning("Kopo Kopo {Operation} failed for till {Till}: {Code} {Message}", operation, credentials.TillNumber, error.Code, error.Message);
            return error;
        }

        if (location is null)
        {
            return new GatewayError(GatewayErrorKind.ProviderRejected, "no_location", $"Kopo Kopo accepted the {operation} without a Location.", HttpStatus: status);
        }

        return GatewayResult<Uri>.Success(location);
    }

    /// <summary>
    /// One authorized call with the token replaced once on a 401. <paramref name="send"/> gets the access token and
    /// the base address of the credentials' environment.
    /// </summary>
    private async Task<GatewayResult<ProviderAnswer>> SendWithTokenAsync(
        KopoKopoCredentials credentials, Func<string, Uri, Task<HttpResponseMessage>> send, bool safeToRepeat, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await GetAccessTokenAsync(credentials, cancellationToken);
            if (!token.IsSuccess)
            {
                return token.Error!;
            }

            var sent = await ProviderAnswer.ReceiveAsync("Kopo Kopo", () => send(token.Value.AccessToken, BaseUri(credentials)), cancellationToken);
            if (!sent.IsSuccess && !safeToRepeat)
            {
                // A lost answer is not a lost request: the outcome is unknown until checked, so never blindly repeated.
                return sent.Error! with { Code = "outcome_unknown", Message = sent.Error.Message + " The outcome is unknown; check before trying again.", Retryable = false };
            }

            if (sent.IsSuccess && sent.Value.Status == 401 && attempt == 0)
            {
                // Expired or invalid token: replace it once. The request was refused, so repeating it is safe.
                logger.LogWarning("Kopo Kopo rejected the token for till {Till}; fetching a new one", credentials.TillNumber);
                await tokens.InvalidateAsync(credentials.TokenCacheKey, token.Value.AccessToken, cancellationToken);
                continue;
            }

            return sent;
        }
    }

    private async Task<GatewayResult<ProviderToken>> FetchTokenAsync(KopoKopoCredentials credentials, CancellationToken cancellationToken)
    {
        var request = new KopoKopoTokenRequest(credentials.ClientId, credentials.ClientSecret, "client_credentials");
        var sent = await ProviderAnswer.ReceiveAsync("Kopo Kopo", () => api.RequestTokenAsync(request, BaseUri(credentials), cancellationToken), cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var (status, body, _) = sent.Value;
        if (status is < 200 or > 299)
        {
            var error = KopoKopoErrorMapper.Map(status, body);
            return error.Kind is GatewayErrorKind.RateLimited or GatewayErrorKind.ProviderUnavailable ? error : error with { Kind = GatewayErrorKind.InvalidCredentials };
        }

        KopoKopoTokenResponse? token;
        try
        {
            token = JsonSerializer.Deserialize(body, Json.KopoKopoTokenResponse);
        }
        catch (JsonException)
        {
            token = null;
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn <= 0)
        {
            return new GatewayError(GatewayErrorKind.ProviderRejected, "invalid_token_response", "Kopo Kopo's token response has no access_token or expires_in.", HttpStatus: status);
        }

        // created_at is an ISO string or an epoch; our own clock plus expires_in is what counts.
        logger.LogInformation("Kopo Kopo issued a token for till {Till}, valid {Seconds} s", credentials.TillNumber, token.ExpiresIn);
        return GatewayResult<ProviderToken>.Success(new ProviderToken(token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn)));
    }

    private Uri BaseUri(KopoKopoCredentials credentials)
    {
        var url = credentials.Environment == PaymentEnvironment.Production ? options.Value.ProductionBaseUrl : options.Value.SandboxBaseUrl;
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }
}
