using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using VpWijzer.Chat;

namespace VpWijzer.Hosting;

/// <summary>Wiring of the anonymous intranet chat (Direct Line channel and /chat page).</summary>
public static class ChatServices
{
    public static IServiceCollection AddIntranetChat(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Chat:AllowedOrigins must be origins such as https://intranet.example.nl (scheme, host, optional port; no path).")
            .Validate<IHostEnvironment>((o, env) => env.IsDevelopment() || o.AllowedOrigins.All(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)), "Chat:AllowedOrigins must be https:// outside Development: a page served over http can be changed on the way, and it would frame the chat.")
            .Validate(o => o.KnownProxies.All(p => ClientAddresses.TryParseNetwork(p, out _)), "Chat:KnownProxies must be IP addresses or networks such as 10.0.0.0/8 (host bits zero).")
            .ValidateOnStart();
        services.AddSingleton<ClientAddresses>();

        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (the switch App Service documents for Linux) turns on the framework's
        // forwarded-headers middleware with every proxy trusted: RemoteIpAddress would become whatever a client writes.
        // Only Chat:KnownProxies are trusted, and without any the headers are ignored.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ChatOptions>>((forwarded, chat) =>
        {
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted by the middleware, so it must be empty too
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in chat.Value.KnownProxies)
            {
                if (ClientAddresses.TryParseNetwork(proxy, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }

            if (forwarded.KnownIPNetworks.Count == 0)
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddHostedService<DirectLineSweepService>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ChatOptions>>((cors, chat) =>
            cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
                .WithOrigins(chat.Value.AllowedOrigins)
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ChatOptions>>((limits, chat) =>
        {
            limits.AddPolicy(DirectLineEndpoints.StartPolicy, http => PerIp(http, chat.Value.StartsPerIpPerMinute, chat.Value.StartsPerIpBurst, TimeSpan.FromMinutes(1)));
            limits.AddPolicy(DirectLineEndpoints.PerIpPolicy, http => PerIp(http, chat.Value.RequestsPerIpPerSecond, chat.Value.RequestsPerIpBurst, TimeSpan.FromSeconds(1)));
        });
        return services;
    }

    /// <summary>CORS, the Direct Line endpoints and the page; call after UseRateLimiter.</summary>
    public static WebApplication UseIntranetChat(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ChatOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseCors();
        app.MapDirectLine();
        app.MapChatPage();
        return app;
    }

    /// <summary>A token bucket per client (see <see cref="ClientAddresses"/>); no limit when <paramref name="perPeriod"/> is 0.</summary>
    internal static RateLimitPartition<string> PerIp(HttpContext http, int perPeriod, int burst, TimeSpan period) =>
        perPeriod == 0
            ? RateLimitPartition.GetNoLimiter("all")
            : RateLimitPartition.GetTokenBucketLimiter(
                http.RequestServices.GetRequiredService<ClientAddresses>().PartitionKey(http),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perPeriod,
                    ReplenishmentPeriod = period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && uri.AbsolutePath == "/"
        && !value.EndsWith('/')
        && value.All(c => c > ' ' && c != ';' && c != ',' && c != '\'');
}

/// <summary>Drops idle Direct Line conversations and blanks echo text the page never acknowledged.</summary>
public sealed class DirectLineSweepService(DirectLineConversations conversations, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                conversations.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
