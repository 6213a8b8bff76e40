using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace VpWijzer.Connector;

/// <summary>The one retry layer of outgoing Bot Connector calls, built from <see cref="ConnectorOptions"/>.</summary>
internal static class ConnectorResilience
{
    /// <summary>Name of the pipeline registered on the <c>bot-connector</c> HttpClient.</summary>
    public const string PipelineName = "connector";

    /// <summary>Carries the operation name from the client to the pipeline's log lines.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationKey = new("VpWijzer.Connector.Operation");

    /// <summary>
    /// Adds, from outside in: total timeout, retry (429, 412, 502, 503, 504, timeouts and transport
    /// errors; exponential with jitter; Retry-After honoured up to the maximum), attempt timeout.
    /// </summary>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ConnectorOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        builder.TimeProvider = timeProvider;

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "total",
            Timeout = options.TotalTimeout,
        });

        if (options.RetryCount > 0)
        {
            var maxRetryAfter = options.MaxRetryAfter;
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.RetryCount,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxRetryAfter,

                // We read Retry-After ourselves so that an over-long one stops the retries instead of
                // being shortened, and so that HTTP-dates use the injected clock.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, maxRetryAfter, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? GetRetryAfter(response, timeProvider) : null),
                OnRetry = args =>
                {
                    var operation = args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(OperationKey, out var name) ? name : "Unknown";
                    Log.Retrying(logger, operation, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "attempt",
            Timeout = options.AttemptTimeout,
        });
    }

    /// <summary>Statuses Teams asks bots to retry (rate-limit doc), plus 503.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;

    /// <summary>Whether an attempt's outcome is worth another attempt.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider timeProvider) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsRetryableStatus(response.StatusCode)
            && (GetRetryAfter(response, timeProvider) is not { } wait || wait <= maxRetryAfter),
        _ => false,
    };

    /// <summary>
    /// The wait a response asks for in <c>Retry-After</c>, as delta-seconds or an HTTP-date
    /// (RFC 9110 §10.2.3); a date in the past means no wait. Null when the header is absent.
    /// </summary>
    public static TimeSpan? GetRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
