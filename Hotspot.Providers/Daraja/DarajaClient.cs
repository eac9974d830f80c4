using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Http;
using Hotspot.Providers.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// Safaricom Daraja through the Refit client <see cref="IDarajaApi"/>, with each organization's own credentials.
/// Every answer becomes a <see cref="GatewayResult{T}"/>; a rejected token is replaced once and the call repeated
/// (safe even for an STK push: a clear "invalid access token" answer means Daraja did not process it; a lost answer
/// or a 5xx is never repeated). One retry is enough with several instances: <see cref="ProviderTokenCache"/> fetches
/// under a lock shared by all of them, so the token the retry gets is the one Daraja issued last.
/// </summary>
public sealed class DarajaClient(
    IDarajaApi api,
    ProviderTokenCache tokens,
    DarajaCertificates certificates,
    IOptions<DarajaOptions> options,
    TimeProvider time,
    ILogger<DarajaClient> logger)
{
    private const long MaxStkAmount = 250_000;

    public Task<GatewayResult<ProviderToken>> GetAccessTokenAsync(DarajaCredentials credentials, CancellationToken cancellationToken) =>
        tokens.GetAsync(credentials.TokenCacheKey, options.Value.TokenRefreshMargin, token => FetchTokenAsync(credentials, token), cancellationToken);

    public async Task<GatewayResult<StkPushResponse>> StkPushAsync(
        DarajaCredentials credentials, StkPushCommand command, CancellationToken cancellationToken)
    {
        if (ValidateStkPush(credentials, command) is { } invalid)
        {
            return invalid;
        }

        var timestamp = StkPassword.Timestamp(time.GetUtcNow());
        var buyGoods = credentials.TransactionType == MpesaTransactionType.BuyGoods;
        var phone = long.Parse(command.PhoneNumber);
        var request = new StkPushRequest(
            BusinessShortCode: long.Parse(credentials.ShortCode),
            Password: StkPassword.Create(credentials.ShortCode, credentials.PassKey, timestamp),
            Timestamp: timestamp,
            TransactionType: buyGoods ? "CustomerBuyGoodsOnline" : "CustomerPayBillOnline",
            Amount: command.AmountShillings,
            PartyA: phone,
            PartyB: long.Parse(buyGoods ? credentials.TillNumber! : credentials.ShortCode),
            PhoneNumber: phone,
            CallBackURL: command.CallbackUrl.AbsoluteUri,
            AccountReference: command.AccountReference,
            TransactionDesc: command.TransactionDescription);

        // Never retried: a repeated push can charge the customer twice.
        var result = await SendAsync(credentials, "STK push",
            (token, baseAddress) => api.StkPushAsync(request, token, baseAddress, cancellationToken),
            DarajaJsonContext.Default.StkPushResponse, safeToRetry: false, cancellationToken);
        if (result.IsSuccess && (result.Value.ResponseCode != "0" || string.IsNullOrEmpty(result.Value.CheckoutRequestID)))
        {
            return new GatewayError(GatewayErrorKind.ProviderRejected, result.Value.ResponseCode ?? "unknown",
                result.Value.ResponseDescription ?? "Daraja did not accept the STK push.");
        }

        return result;
    }

    public async Task<GatewayResult<StkQueryOutcome>> QueryStkPushAsync(
        DarajaCredentials credentials, string checkoutRequestId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(checkoutRequestId))
        {
            return GatewayErrors.InvalidRequest("A CheckoutRequestID is required.");
        }

        if (!IsNumeric(credentials.ShortCode))
        {
            return GatewayErrors.InvalidRequest("The short code must be numeric.");
        }

        var timestamp = StkPassword.Timestamp(time.GetUtcNow());
        var request = new StkQueryRequest(
            long.Parse(credentials.ShortCode),
            StkPassword.Create(credentials.ShortCode, credentials.PassKey, timestamp),
            timestamp,
            checkoutRequestId);

        var result = await SendAsync(credentials, "STK push query",
            (token, baseAddress) => api.QueryStkPushAsync(request, token, baseAddress, cancellationToken),
            DarajaJsonContext.Default.StkQueryResponse, safeToRetry: true, cancellationToken);
        if (!result.IsSuccess)
        {
            // "The transaction is being processed" is the query's way of saying "pending", sent as an error.
            var error = result.Error!;
            if (StkQueryOutcome.PendingFrom(error, checkoutRequestId) is { } pending)
            {
                return GatewayResult<StkQueryOutcome>.Success(pending with { CheckoutRequestId = checkoutRequestId });
            }

            return error;
        }

        var response = result.Value;
        return GatewayResult<StkQueryOutcome>.Success(new StkQueryOutcome(
            StkResultCodes.State(response.ResultCode),
            response.ResultCode,
            ResultDescriptions.WithoutPrefix(response.ResultDesc),
            response.MerchantRequestID,
            response.CheckoutRequestID ?? checkoutRequestId));
    }

    public Task<GatewayResult<C2BRegisterUrlResponse>> RegisterC2BUrlsAsync(
        DarajaCredentials credentials, Uri confirmationUrl, Uri validationUrl, bool completeWhenValidationUnreachable, CancellationToken cancellationToken)
    {
        var version = options.Value.C2BRegisterUrlVersion is "v1" ? "v1" : "v2";
        var request = new C2BRegisterUrlRequest(
            credentials.TransactionType == MpesaTransactionType.BuyGoods && credentials.TillNumber is { } till ? till : credentials.ShortCode,
            completeWhenValidationUnreachable ? "Completed" : "Cancelled",
            confirmationUrl.AbsoluteUri,
            validationUrl.AbsoluteUri);
        return SendAsync(credentials, "C2B URL registration",
            (token, baseAddress) => api.RegisterC2BUrlsAsync(version, request, token, baseAddress, cancellationToken),
            DarajaJsonContext.Default.C2BRegisterUrlResponse, safeToRetry: false, cancellationToken);
    }

    public async Task<GatewayResult<DarajaAcceptedResponse>> B2CPaymentAsync(
        DarajaCredentials credentials, B2CPaymentCommand command, CancellationToken cancellationToken)
    {
        if (!Msisdn.IsValid(command.PhoneNumber))
        {
            return GatewayErrors.InvalidRequest("The phone number must look like 2547XXXXXXXX or 2541XXXXXXXX.");
        }

        if (command.AmountShillings is < 10 or > MaxStkAmount)
        {
            return GatewayErrors.InvalidRequest("A B2C amount must be between 10 and 250,000 shillings.");
        }

        if (command.Remarks.Length is < 2 or > 100)
        {
            return GatewayErrors.InvalidRequest("Remarks must be 2 to 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(command.OriginatorConversationId))
        {
            return GatewayErrors.InvalidRequest("An OriginatorConversationID is required.");
        }

        var shortCode = credentials.B2CShortCode ?? credentials.ShortCode;
        if (!IsNumeric(shortCode))
        {
            return GatewayErrors.InvalidRequest("The B2C short code must be numeric.");
        }

        var credential = InitiatorCredential(credentials);
        if (!credential.IsSuccess)
        {
            return credential.Error!;
        }

        var version = options.Value.B2CVersion is "v1" ? "v1" : "v3";
        var request = new B2CPaymentRequest(
            command.OriginatorConversationId,
            credentials.InitiatorName!,
            credential.Value,
            options.Value.B2CCommandId,
            command.AmountShillings,
            long.Parse(shortCode),
            long.Parse(command.PhoneNumber),
            command.Remarks,
            command.QueueTimeOutUrl.AbsoluteUri,
            command.ResultUrl.AbsoluteUri,
            command.Occasion);

        // Not retried: Daraja refuses a duplicate OriginatorConversationID, but an unknown outcome must be checked
        // by transaction status, not by sending again.
        return await SendAsync(credentials, "B2C payment",
            (token, baseAddress) => api.B2CPaymentAsync(version, request, token, baseAddress, cancellationToken),
            DarajaJsonContext.Default.DarajaAcceptedResponse, safeToRetry: false, cancellationToken);
    }

    public async Task<GatewayResult<DarajaAcceptedResponse>> TransactionStatusAsync(
        DarajaCredentials credentials, TransactionStatusCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.TransactionId) && string.IsNullOrWhiteSpace(command.OriginalConversationId))
        {
            return GatewayErrors.InvalidRequest("A TransactionID or an OriginalConversationID is required.");
        }

        var shortCode = credentials.B2CShortCode ?? credentials.ShortCode;
        if (!IsNumeric(shortCode))
        {
            return GatewayErrors.InvalidRequest("The short code must be numeric.");
        }

        var credential = InitiatorCredential(credentials);
        if (!credential.IsSuccess)
        {
            return credential.Error!;
        }

        var request = new TransactionStatusRequest(
            credentials.InitiatorName!,
            credential.Value,
            "TransactionStatusQuery",
            command.TransactionId,
            command.OriginalConversationId,
            long.Parse(shortCode),
            "4",
            command.ResultUrl.AbsoluteUri,
            command.QueueTimeOutUrl.AbsoluteUri,
            command.Remarks,
            command.Occasion);
        return await SendAsync(credentials, "transaction status",
            (token, baseAddress) => api.TransactionStatusAsync(request, token, baseAddress, cancellationToken),
            DarajaJsonContext.Default.DarajaAcceptedResponse, safeToRetry: true, cancellationToken);
    }

    private GatewayResult<string> InitiatorCredential(DarajaCredentials credentials)
    {
        if (string.IsNullOrWhiteSpace(credentials.InitiatorName) || string.IsNullOrEmpty(credentials.InitiatorPassword))
        {
            return GatewayErrors.InvalidRequest("The Daraja credentials have no initiator name and password.");
        }

        var certificate = certificates.For(credentials.Environment);
        if (certificate is null)
        {
            return GatewayErrors.InvalidRequest($"No Daraja certificate is configured for {credentials.Environment}.");
        }

        return GatewayResult<string>.Success(SecurityCredential.Encrypt(credentials.InitiatorPassword, certificate));
    }

    private static GatewayError? ValidateStkPush(DarajaCredentials credentials, StkPushCommand command)
    {
        if (!Msisdn.IsValid(command.PhoneNumber))
        {
            return GatewayErrors.InvalidRequest("The phone number must look like 2547XXXXXXXX or 2541XXXXXXXX.");
        }

        if (command.AmountShillings is < 1 or > MaxStkAmount)
        {
            return GatewayErrors.InvalidRequest("An STK push amount must be between 1 and 250,000 shillings.");
        }

        if (string.IsNullOrWhiteSpace(command.AccountReference) || command.AccountReference.Length > 12)
        {
            return GatewayErrors.InvalidRequest("The account reference must be 1 to 12 characters.");
        }

        if (string.IsNullOrWhiteSpace(command.TransactionDescription) || command.TransactionDescription.Length > 13)
        {
            return GatewayErrors.InvalidRequest("The transaction description must be 1 to 13 characters.");
        }

        if (!command.CallbackUrl.IsAbsoluteUri || (command.CallbackUrl.Scheme != Uri.UriSchemeHttps && command.CallbackUrl.Scheme != Uri.UriSchemeHttp))
        {
            return GatewayErrors.InvalidRequest("The callback URL must be an absolute http(s) URL.");
        }

        if (!IsNumeric(credentials.ShortCode))
        {
            return GatewayErrors.InvalidRequest("The short code must be numeric.");
        }

        if (credentials.TransactionType == MpesaTransactionType.BuyGoods && !IsNumeric(credentials.TillNumber))
        {
            return GatewayErrors.InvalidRequest("A Buy Goods configuration needs a numeric till number.");
        }

        return null;
    }

    private async Task<GatewayResult<ProviderToken>> FetchTokenAsync(DarajaCredentials credentials, CancellationToken cancellationToken)
    {
        var consumerKeyAndSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ConsumerKey}:{credentials.ConsumerSecret}"));
        var sent = await ProviderAnswer.ReceiveAsync("Daraja",
            () => api.GenerateTokenAsync(consumerKeyAndSecret, BaseUri(credentials), cancellationToken), cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var (status, body, _) = sent.Value;
        if (status is < 200 or > 299 || DarajaErrorMapper.TryReadError(body, status, out _))
        {
            var error = DarajaErrorMapper.Map(status, body);
            // A refused token request is a credentials problem, whatever the code.
            return error.Kind is GatewayErrorKind.RateLimited or GatewayErrorKind.ProviderUnavailable
                ? error
                : error with { Kind = GatewayErrorKind.InvalidCredentials };
        }

        DarajaTokenResponse? token;
        try
        {
            token = JsonSerializer.Deserialize(body, DarajaJsonContext.Default.DarajaTokenResponse);
        }
        catch (JsonException)
        {
            token = null;
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn <= 0)
        {
            return new GatewayError(GatewayErrorKind.ProviderRejected, "invalid_token_response", "Daraja's token response has no access_token or expires_in.", HttpStatus: status);
        }

        logger.LogInformation("Daraja issued a token for short code {ShortCode}, valid {Seconds} s", credentials.ShortCode, token.ExpiresIn);
        return GatewayResult<ProviderToken>.Success(new ProviderToken(token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn)));
    }

    /// <summary>
    /// One authorized call with the token replaced once if Daraja rejects it. <paramref name="send"/> gets the
    /// access token and the base address of the credentials' environment.
    /// </summary>
    private async Task<GatewayResult<TResponse>> SendAsync<TResponse>(
        DarajaCredentials credentials,
        string operation,
        Func<string, Uri, Task<HttpResponseMessage>> send,
        JsonTypeInfo<TResponse> responseType,
        bool safeToRetry,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await GetAccessTokenAsync(credentials, cancellationToken);
            if (!token.IsSuccess)
            {
                return token.Error!;
            }

            var sent = await ProviderAnswer.ReceiveAsync("Daraja", () => send(token.Value.AccessToken, BaseUri(credentials)), cancellationToken);
            if (!sent.IsSuccess)
            {
                // A lost answer is not a lost request: an unsafe call's outcome is unknown until queried.
                return safeToRetry
                    ? sent.Error!
                    : sent.Error! with { Code = "outcome_unknown", Message = sent.Error.Message + " The outcome is unknown; query before trying again.", Retryable = false };
            }

            var (status, body, _) = sent.Value;
            GatewayError error;
            if (status is >= 200 and <= 299 && !DarajaErrorMapper.TryReadError(body, status, out error))
            {
                try
                {
                    if (JsonSerializer.Deserialize(body, responseType) is { } response)
                    {
                        return GatewayResult<TResponse>.Success(response);
                    }
                }
                catch (JsonException)
                {
                }

                return new GatewayError(GatewayErrorKind.ProviderRejected, "unreadable_response", $"Daraja's answer to the {operation} could not be read.", HttpStatus: status);
            }

            error = DarajaErrorMapper.Map(status, body);
            if (attempt == 0 && DarajaErrorMapper.IsInvalidToken(error))
            {
                logger.LogWarning("Daraja rejected the token for short code {ShortCode} ({Code}); fetching a new one", credentials.ShortCode, error.Code);
                await tokens.InvalidateAsync(credentials.TokenCacheKey, token.Value.AccessToken, cancellationToken);
                continue;
            }

            logger.LogWarning("Daraja {Operation} failed for short code {ShortCode}: {Code} {Message}", operation, credentials.ShortCode, error.Code, error.Message);
            return error;
        }
    }

    private Uri BaseUri(DarajaCredentials credentials)
    {
        var url = credentials.Environment == PaymentEnvironment.Production ? options.Value.ProductionBaseUrl : options.Value.SandboxBaseUrl;
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    private static bool IsNumeric(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 18 && value.All(char.IsAsciiDigit);
}
