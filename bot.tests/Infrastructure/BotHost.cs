using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpWijzer.Hosting;
using VpWijzer.Protocol;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>
/// The real bot on Kestrel at 127.0.0.1 with a random port (the ASP.NET test host is not on our
/// mirror), with configuration overrides and every log line captured at Trace.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, Uri address, CapturingLoggerProvider logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var args = new List<string> { "--urls=http://127.0.0.1:0", "--Connector:BaseDelay=00:00:00", "--Connector:RetryBaseDelay=00:00:00" };
        var app = BotApplication.Build(args.ToArray(), builder =>
        {
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter(_ => true);
            builder.Logging.AddProvider(logs);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BotHost(app, new Uri(address), logs);
    }

    /// <summary>POSTs an activity to /api/messages, optionally with an Authorization header.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ByteArrayContent(ProtocolJson.Serialize(activity)) { Headers = { ContentType = new("application/json") } },
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await Http.PostAsync("/api/messages", content);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
