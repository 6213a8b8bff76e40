using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VpWijzer.Auth;

/// <summary>Registers inbound token validation.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> used to fetch OpenID metadata and signing keys.</summary>
    public const string MetadataHttpClientName = "openid-metadata";

    /// <summary>
    /// Adds <see cref="BotAuthOptions"/> (bound from the <see cref="BotAuthOptions.Section"/> section and
    /// validated at startup), the <see cref="MetadataHttpClientName"/> client and a singleton
    /// <see cref="IInboundTokenValidator"/>.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<BotAuthOptions>()
            .BindConfiguration(BotAuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The validator keeps its client for the process lifetime, so DNS changes are picked up by
        // recycling pooled connections rather than by the factory's handler rotation.
        services.AddHttpClient(MetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<IInboundTokenValidator>(sp => new JwtInboundTokenValidator(
            sp.GetRequiredService<IOptions<BotAuthOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName),
            sp.GetRequiredService<ILogger<JwtInboundTokenValidator>>()));

        return services;
    }
}
