using Microsoft.Extensions.DependencyInjection.Extensions;
using VpWijzer.Dialogs;
using VpWijzer.Routing;
using StackExchange.Redis;
using VpWijzer.State;

namespace VpWijzer.Hosting;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddBotState(this IServiceCollection services)
    {
        services.AddOptions<StateOptions>().BindConfiguration(StateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<MemoryConversationStateStore>();
        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            // AbortOnConnectFail=false: start even while Redis is away, reconnect by itself; /readyz tells the truth meanwhile.
            var options = ConfigurationOptions.Parse(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StateOptions>>().Value.RedisConnection ?? "localhost:6379");
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.AsyncTimeout = 2000;
            return ConnectionMultiplexer.Connect(options);
        });
        services.TryAddSingleton<IConversationStateStore>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StateOptions>>().Value.Store == "Redis"
                ? new RedisConversationStateStore(sp.GetRequiredService<IConnectionMultiplexer>())
                : sp.GetRequiredService<MemoryConversationStateStore>());
        services.TryAddSingleton<ConversationStateAccessor>();
        services.AddHostedService<StateSweepService>();
        return services;
    }

    /// <summary>The turn pipeline: middleware in order, then the router built from every route module.</summary>
    public static IServiceCollection AddBotDialogs(this IServiceCollection services)
    {
        services.AddSingleton<CoreDialogs>();
        services.AddSingleton<IRouteModule>(sp => sp.GetRequiredService<CoreDialogs>());
        services.AddSingleton<ITurnErrorReporter>(sp => sp.GetRequiredService<CoreDialogs>());
        services.TryAddSingleton<ILanguageDetector, NoLanguageDetector>();

        services.AddSingleton<ITurnMiddleware, StateMiddleware>();
        services.AddSingleton<ITurnMiddleware, LanguageMiddleware>();

        services.AddSingleton(sp =>
        {
            var routes = new RouterBuilder();
            foreach (var module in sp.GetServices<IRouteModule>())
            {
                module.Register(routes);
            }

            return routes.Build();
        });
        services.AddSingleton<TurnPipeline>();
        return services;
    }

    public static IServiceCollection AddBotEndpoints(this IServiceCollection services)
    {
        services.AddOptions<EndpointOptions>().BindConfiguration(EndpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<ConversationTurnLock>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(context.Lease);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(ActivityEndpoint.PerIpPolicy, http =>
            {
                var o = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EndpointOptions>>().Value;
                return ChatServices.PerIp(http, o.PerIpPerSecond, o.PerIpBurst, TimeSpan.FromSeconds(1));
            });
        });
        services.AddSingleton<IReadinessCheck, StateStoreReadiness>();
        return services;
    }

    /// <summary>When the limiter will have a token again (a minute for a per-minute bucket), in whole seconds; at least 1.</summary>
    internal static string RetryAfterSeconds(System.Threading.RateLimiting.RateLimitLease lease) =>
        lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "1";

    private sealed class NoLanguageDetector : ILanguageDetector
    {
        public Language? Detect(string text) => null;
    }
}
