using VpWijzer.Auth;

namespace VpWijzer.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected a request from a non-loopback address in development mode")]
    public static partial void RejectedNonLoopback(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected an activity whose serviceUrl is not an allowed Bot Connector host (Connector:AllowedServiceUrlHosts; in development mode: this machine)")]
    public static partial void RejectedServiceUrl(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Unauthorized activity: {Failure}")]
    public static partial void Unauthorized(ILogger logger, string failure);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "A reply could not be delivered (status {StatusCode})")]
    public static partial void DeliveryFailed(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "DEVELOPMENT MODE: no Bot:MicrosoftAppId is configured, so incoming requests are not authenticated. Only requests from this machine (loopback) are served, and replies go only to loopback service URLs. Never run like this in production.")]
    public static partial void DevelopmentMode(ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Inbound authentication is on ({AppType})")]
    public static partial void AuthenticationOn(ILogger logger, string appType);

    public static void LogStartupMode(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotAuthOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VpWijzer.Hosting");
        if (options.IsDevelopmentMode)
        {
            DevelopmentMode(logger);
        }
        else
        {
            AuthenticationOn(logger, options.MicrosoftAppType);
        }
    }
}
