using Microsoft.AspNetCore.Server.Kestrel.Core;
using VpWijzer.Auth;
using VpWijzer.Connector;

namespace VpWijzer.Hosting;

/// <summary>Builds the web application; used by Program and by the tests (real Kestrel on loopback).</summary>
public static class BotApplication
{
    /// <summary>Hard cap on any request body; /api/messages has its own, lower one.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            options.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<KestrelServerOptions>(o => o.AllowSynchronousIO = false);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBotAuthentication();
        builder.Services.AddBotConnector();
        builder.Services.AddBotState();
        builder.Services.AddBotDialogs();
        builder.Services.AddKnowledge();
        builder.Services.AddScheduling();
        builder.Services.AddBotEndpoints();
        builder.Services.AddIntranetChat();
        builder.Services.AddFigures();

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseBotSecurityHeaders();
        app.UseRateLimiter();
        app.MapBotEndpoints();
        app.MapHealthEndpoints();
        app.MapCalendarFiles();
        app.UseIntranetChat();
        app.MapFigureFiles();
        app.LogStartupMode();
        return app;
    }
}
