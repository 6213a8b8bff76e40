using System.ComponentModel.DataAnnotations;
using System.Net;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace VpWijzer.Scheduling.Graph;

/// <summary>Graph settings (section "Scheduling:Graph"). Secrets only from the environment or Key Vault.</summary>
public sealed class GraphOptions
{
    public const string Section = "Scheduling:Graph";

    /// <summary>Base URL; tests point it at a local stand-in.</summary>
    [Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    /// <summary>Use the app's managed identity (ClientId = its client id).</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>No credential at all (tests against the stand-in only).</summary>
    public bool Anonymous { get; set; }

    /// <summary>Read the employee's department and managers after consent (needs User.Read.All).</summary>
    public bool ReadOrgChart { get; set; }

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Seconds the SDK waits between retries when Graph sends no Retry-After.</summary>
    [Range(0, 30)]
    public int RetryDelaySeconds { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    [Range(0.1, 1.0)]
    public double BreakRatio { get; set; } = 0.9;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Builds the GraphServiceClient with exactly one retry layer: the SDK's own RetryHandler
/// (429/503/504, honouring Retry-After), bounded by options. Polly sits inside it only for a
/// per-attempt timeout — a hung attempt becomes a 504 the SDK retries — and a circuit breaker.
/// </summary>
public static class GraphClientBuilder
{
    public static GraphServiceClient Create(GraphOptions options, HttpMessageHandler? transport = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries, Delay = options.RetryDelaySeconds });
            }
        }

        var http = GraphClientFactory.Create(handlers, finalHandler: new Telemetry.GraphTelemetryHandler { InnerHandler = new PollyGuardHandler(options) { InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) } } });
        http.Timeout = Timeout.InfiniteTimeSpan;
        return new GraphServiceClient(http, Authentication(options), options.BaseUrl);
    }

#pragma warning disable CA1859 // Either provider is returned; the interface is the point.
    private static IAuthenticationProvider Authentication(GraphOptions o)
#pragma warning restore CA1859
    {
        if (o.Anonymous)
        {
            return new AnonymousAuthenticationProvider();
        }

        TokenCredential credential = o.UseManagedIdentity
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ClientId))
            : !string.IsNullOrEmpty(o.CertificatePath)
                ? new ClientCertificateCredential(o.TenantId, o.ClientId, o.CertificatePath)
                : new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
        return new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(credential, ["graph.microsoft.com"], null, true, "https://graph.microsoft.com/.default");
    }

    /// <summary>Per-attempt timeout and circuit breaker; never retries (the SDK does).</summary>
    private sealed class PollyGuardHandler(GraphOptions options) : DelegatingHandler
    {
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.BreakRatio,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<HttpRequestException>().Handle<TimeoutRejectedException>().HandleResult(r => (int)r.StatusCode >= 500),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await _pipeline.ExecuteAsync(async ct => await base.SendAsync(request, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
            {
                return new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { RequestMessage = request, Content = new StringContent(string.Empty) };
            }
        }
    }
}
