using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VpWijzer.Connector;

public static class ConnectorServiceCollectionExtensions
{
    public const string HttpClientName = "bot-connector";

    /// <summary>The typed connector client with its resilience pipeline and token handler; no HttpClient logging (URLs hold conversation ids).</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectorAuthOptions>().BindConfiguration(ConnectorAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ConnectorAuthOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("VpWijzer.Connector");
            if (string.IsNullOrWhiteSpace(o.MicrosoftAppId))
            {
                Log.TokenMode(logger, "no token (development mode)");
                return new NoTokenProvider();
            }

            if (o.MicrosoftAppType == "UserAssignedMSI")
            {
                Log.TokenMode(logger, "a managed identity");
                return new ManagedIdentityConnectorTokenProvider(sp.GetRequiredService<IOptions<ConnectorAuthOptions>>(), sp.GetRequiredService<TimeProvider>());
            }

            Log.TokenMode(logger, "MSAL client credentials");
            return new MsalConnectorTokenProvider(sp.GetRequiredService<IOptions<ConnectorAuthOptions>>());
        });
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.AddTransient<ConnectorTokenHandler>();

        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>(HttpClientName).RemoveAllLoggers();
        client.AddResilienceHandler(ConnectorResilience.PipelineName, (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("VpWijzer.Connector");
                ConnectorResilience.Configure(builder, options, context.ServiceProvider.GetRequiredService<TimeProvider>(), logger);
            });

        // Inside the retry layer, so every attempt carries a fresh (cached) token.
        client.AddHttpMessageHandler<ConnectorTokenHandler>();
        return services;
    }
}
