using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace VpWijzer.Load;

/// <summary>
/// The Bot Connector as far as a benchmark needs it: answers 200 to every reply, timestamps it by the activity it
/// replies to (URL segment), and (booking only) keeps the reply bodies so the generator can click the card's buttons.
/// </summary>
public sealed class StandInConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _capture;
    private readonly ConcurrentDictionary<string, Turn> _turns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Turn> _byConversation = new(StringComparer.Ordinal);
    private long _replies;

    private StandInConnector(WebApplication app, bool capture)
    {
        _app = app;
        _capture = capture;
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Replies => Interlocked.Read(ref _replies);

    public static async Task<StandInConnector> StartAsync(bool capture)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4 * 1024 * 1024);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new StandInConnector(app, capture);
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo?}", connector.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        connector.ServiceUrl = address.EndsWith('/') ? address : address + "/";
        return connector;
    }

    /// <summary>Register before sending, so a reply that beats the HTTP answer is not lost.</summary>
    public Turn Expect(string activityId, string conversationId)
    {
        var turn = new Turn();
        _turns[activityId] = turn;
        _byConversation[conversationId] = turn;
        return turn;
    }

    public void Forget(string activityId, string conversationId)
    {
        if (_turns.TryRemove(activityId, out var turn))
        {
            _byConversation.TryRemove(new KeyValuePair<string, Turn>(conversationId, turn));
        }
    }

    private async Task<IResult> HandleAsync(HttpContext http, string conversation, string? replyTo)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _replies);
        byte[]? body = null;
        if (_capture)
        {
            using var ms = new MemoryStream();
            await http.Request.Body.CopyToAsync(ms).ConfigureAwait(false);
            body = ms.ToArray();
        }

        // Replies without replyToId (SendToConversation) are matched to the conversation's turn in flight.
        if ((replyTo is not null && _turns.TryGetValue(replyTo, out var turn)) || _byConversation.TryGetValue(Uri.UnescapeDataString(conversation), out turn))
        {
            turn.Arrived(now, body);
        }

        return Results.Json(new { id = "r" + now.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

public sealed class Turn
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _bodies = [];

    public long LastArrival { get; private set; }

    public int Count { get; private set; }

    public IReadOnlyList<byte[]> Bodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _bodies];
            }
        }
    }

    public void Arrived(long timestamp, byte[]? body)
    {
        lock (_gate)
        {
            Count++;
            LastArrival = Math.Max(LastArrival, timestamp);
            if (body is not null)
            {
                _bodies.Add(body);
            }
        }
    }
}
