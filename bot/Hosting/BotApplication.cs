using Microsoft.AspNetCore.Server.Kestrel.Core;
using VpWijzer.Auth;
using VpWijzer.Connector;

namespace VpWijzer.Hosting;

/// <summary>Builds the web application; used by Program and by the tests (real Kestrel on loopback).</summary>
public static class BotApplication
{
    /// <summary>Hard cap on any request body; /api/messages has its own, lower one.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Where the bot listens when the platform says nothing: the Bot Framework tools' usual local port.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    private static readonly string[] ListenKeys = ["urls", "http_ports", "https_ports"];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The platform decides where to listen (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls, Urls), as ASP.NET Core
        // documents; only when none of them is set does the bot take the port the Bot Framework tools expect.
        if (ListenKeys.All(k => string.IsNullOrWhiteSpace(builder.Configuration[k])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

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
        builder.Services.AddBotTelemetry(builder.Configuration);
        // ASP.NET's request lines ("Request starting GET /calendar/{booking}.{exp}.{sig}.ics") carry capability URLs
        // and chat conversation ids; whatever the configured levels, they stay out of every log (security review M3).
        // Off entirely: with this category enabled at any level, hosting also opens a log scope with the RequestPath
        // that every later line of the request carries. Unhandled exceptions are still logged, by Kestrel.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        // The matcher's Debug lines name the request path ("1 candidate(s) found for the request path '…'").
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information);

        configure?.Invoke(builder);

        var app = builder.Build();
        StartupChecks.Run(app.Services);
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
