using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VpWijzer.Protocol;

namespace VpWijzer.Tests.Fakes;

/// <summary>A request the stand-in connector received.</summary>
public sealed record ConnectorRequest(string Method, string Path, string? Authorization, string Body)
{
    /// <summary>True when a scripted fault answered this request (the bot must retry it).</summary>
    public bool Faulted { get; set; }

    public Activity? Activity => Body.Length > 0 && Body.TrimStart().StartsWith('{') ? ProtocolJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(Body)) : null;
}

/// <summary>A scripted answer for the next request: a status, an optional Retry-After, or a hang (timeout).</summary>
public sealed record ScriptedFault(int Status, string? RetryAfter = null, bool Hang = false);

/// <summary>
/// A Bot Connector stand-in on 127.0.0.1 that behaves like the documented v3 REST API: it records
/// every request and answers with ids, unless a scripted fault is queued.
/// </summary>
public sealed class StandInConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedFault> _faults = new();
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly ConcurrentDictionary<string, TeamsChannelAccount> _members = new();
    private int _ids;

    private StandInConnector(WebApplication app)
    {
        _app = app;
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ConnectorRequest> Requests => _requests.ToList();

    /// <summary>Every activity the bot posted or put, in arrival order.</summary>
    public IReadOnlyList<Activity> Activities => _requests.Where(r => !r.Faulted).Select(r => r.Activity).OfType<Activity>().ToList();

    public static async Task<StandInConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new StandInConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";
        return connector;
    }

    public void Enqueue(params ScriptedFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public void AddMember(string memberId, TeamsChannelAccount account) => _members[memberId] = account;

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived in total.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (_requests.Count < count)
        {
            await _arrivals.WaitAsync(cts.Token);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = http.Request.Path.Value ?? string.Empty;
        var recorded = new ConnectorRequest(http.Request.Method, path, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body);
        _faults.TryDequeue(out var fault);
        recorded.Faulted = fault is not null;
        _requests.Enqueue(recorded);
        _arrivals.Release();

        if (fault is not null)
        {
            if (fault.Hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            http.Response.StatusCode = fault.Status;
            if (fault.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            await http.Response.WriteAsJsonAsync(new { error = new { code = "Fault", message = "scripted" } });
            return;
        }

        var segments = path.Trim('/').Split('/');
        if (http.Request.Method == HttpMethods.Get && segments is ["v3", "conversations", _, "members", var member])
        {
            if (_members.TryGetValue(Uri.UnescapeDataString(member), out var account))
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(account, ProtocolJsonContext.Default.TeamsChannelAccount));
                return;
            }

            http.Response.StatusCode = 404;
            return;
        }

        if (http.Request.Method == HttpMethods.Post && segments is ["v3", "conversations"])
        {
            var id = Interlocked.Increment(ref _ids);
            await http.Response.WriteAsJsonAsync(new { id = $"a:proactive-{id}", activityId = $"act-{id}" });
            return;
        }

        var next = Interlocked.Increment(ref _ids);
        await http.Response.WriteAsJsonAsync(new { id = $"reply-{next}" });
    }
}
