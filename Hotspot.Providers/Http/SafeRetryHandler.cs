using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Hotspot.Providers.Http;

/// <summary>
/// Retries transient failures (network errors, 408, 429, 502-504, Daraja spike arrest) of Refit calls whose
/// method carries <see cref="SafeToRetryAttribute"/>: token requests, queries and status reads. Anything else, an
/// STK push above all, is sent exactly once: repeating it could charge the customer twice.
/// </summary>
/// <remarks>
/// Kept on Polly rather than Microsoft.Extensions.Http.Resilience: the standard resilience handler retries every
/// method unless told otherwise and adds attempt and total timeouts, and a timeout that cancels a slow STK push
/// turns a payment Daraja may still complete into an unknown outcome. Here the only timeout is the client's
/// (30 s, over all attempts), nothing unsafe is ever repeated, and Daraja's spike-arrest 500 is told apart from the
/// 500s that are answers.
/// </remarks>
public sealed class SafeRetryHandler : DelegatingHandler
{
    private static readonly ConcurrentDictionary<(Type Api, string Method), bool> SafeMethods = new();

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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsSafeToRetry(request))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return _pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendOnceAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken).AsTask();
    }

    /// <summary>Refit names the interface and method of every call it sends; the method says whether it is safe.</summary>
    internal static bool IsSafeToRetry(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(new HttpRequestOptionsKey<Type>(Refit.HttpRequestMessageOptions.InterfaceType), out var api)
            || !request.Options.TryGetValue(new HttpRequestOptionsKey<string>(Refit.HttpRequestMessageOptions.MethodName), out var method))
        {
            return false;
        }

        // Method names are unique in our Refit interfaces (no overloads), so the name finds the one method.
        return SafeMethods.GetOrAdd((api, method), static key =>
            key.Api.GetMethod(key.Method)?.GetCustomAttribute<SafeToRetryAttribute>() is not null);
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
