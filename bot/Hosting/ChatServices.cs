using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
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
            .ValidateOnStart();
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

    private static RateLimitPartition<string> PerIp(HttpContext http, int perPeriod, int burst, TimeSpan period) =>
        perPeriod == 0
            ? RateLimitPartition.GetNoLimiter("all")
            : RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
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
