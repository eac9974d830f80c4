using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Hotspot.Providers.Http;

/// <summary>
/// Retries transient failures (network errors, 408, 429, 502-504, Daraja spike arrest) of requests marked
/// safe to repeat: token requests, queries and status reads. Anything not marked, an STK push above all, is
/// sent exactly once: repeating it could charge the customer twice.
/// </summary>
public sealed class SafeRetryHandler : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("Hotspot.SafeToRetry");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SafeRetryHandler(IOptions<ProviderRetryOptions> options)
    {
        var settings = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetryAttempts),
                Delay = settings.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => args.Outcome switch
                {
                    { Exception: HttpRequestException } => ValueTask.FromResult(true),
                    { Exception: TaskCanceledException } when !args.Context.CancellationToken.IsCancellationRequested => ValueTask.FromResult(true),
                    { Result: { } response } => IsTransientAsync(response, args.Context.CancellationToken),
                    _ => ValueTask.FromResult(false),
                },
            })
            .Build();
    }

    public static void MarkSafeToRetry(HttpRequestMessage request) => request.Options.Set(SafeToRetry, true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(SafeToRetry, out var safe) || !safe)
        {
            return base.SendAsync(request, cancellationToken);
        }

        return _pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendOnceAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken).AsTask();
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static async ValueTask<bool> IsTransientAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.RequestTimeout:
            case HttpStatusCode.TooManyRequests:
            case HttpStatusCode.BadGateway:
            case HttpStatusCode.ServiceUnavailable:
            case HttpStatusCode.GatewayTimeout:
                return true;
            case HttpStatusCode.InternalServerError:
                // Daraja answers spike arrest with HTTP 500 and errorCode 500.003.02; other 500s (e.g. a query's
                // "being processed") are answers, not failures.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return body.Contains("\"500.003.02\"", StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
