using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VpWijzer.Tests.Fakes;

/// <summary>A request the stand-in Graph received.</summary>
public sealed record GraphRequest(string Method, string Path, string Query, string Body);

/// <summary>
/// A Microsoft Graph stand-in on 127.0.0.1 with the documented shapes of the calls we use:
/// places/microsoft.graph.room, calendar/getSchedule, events (POST honours transactionId, GET
/// filters on our single-value extended property), PATCH/DELETE events, users and manager.
/// Calendars live in memory; a room attendee books the room's calendar too. Faults are injected
/// from a seeded RNG: 429 (Retry-After: 0), 503, a hang (timeout), and "created, response lost" (504).
/// </summary>
public sealed class StandInGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _events = [];
    private readonly List<(string Calendar, DateTime Start, DateTime End)> _busy = [];
    private readonly Random _random;
    private int _ids;

    private StandInGraph(WebApplication app, int seed)
    {
        _app = app;
        _random = new Random(seed);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<GraphRequest> Requests => _requests.ToList();

    public List<JsonObject> Rooms { get; } = [];

    public Dictionary<string, (string? Department, string? Manager)> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Share of requests that fail (0–1).</summary>
    public double FaultRate { get; set; }

    public int FaultsInjected { get; private set; }

    /// <summary>Milliseconds added to every answer (latency benchmarks).</summary>
    public int LatencyMs { get; set; }

    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.Select(e => (JsonObject)e.DeepClone()).ToList();
            }
        }
    }

    public static async Task<StandInGraph> StartAsync(int seed = 42)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var graph = new StandInGraph(app, seed);
        app.Run(graph.HandleAsync);
        await app.StartAsync();
        graph.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/v1.0";
        return graph;
    }

    public void AddRoom(string email, string name, int capacity, params string[] tags) => Rooms.Add(new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["emailAddress"] = email,
        ["displayName"] = name,
        ["building"] = "Stadskantoor",
        ["floorLabel"] = "2",
        ["capacity"] = capacity,
        ["isWheelChairAccessible"] = true,
        ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()),
    });

    public void AddBusy(string calendar, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            _busy.Add((calendar, start.UtcDateTime, end.UtcDateTime));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = http.Request.Path.Value ?? string.Empty;
        _requests.Enqueue(new GraphRequest(http.Request.Method, path, Uri.UnescapeDataString(http.Request.QueryString.Value ?? string.Empty), body));
        if (LatencyMs > 0)
        {
            await Task.Delay(LatencyMs, http.RequestAborted);
        }

        var fault = NextFault(http.Request.Method, path);
        if (fault is "hang")
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

        if (fault is "429" or "503")
        {
            http.Response.StatusCode = fault == "429" ? 429 : 503;
            http.Response.Headers.RetryAfter = "0";
            await http.Response.WriteAsJsonAsync(new { error = new { code = fault == "429" ? "TooManyRequests" : "ServiceNotAvailable", message = "injected" } });
            return;
        }

        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        switch (http.Request.Method, segments)
        {
            case ("GET", ["v1.0", "places", "microsoft.graph.room" or "graph.room"]):
                await Json(http, new JsonObject { ["value"] = new JsonArray(Rooms.Select(r => (JsonNode)r.DeepClone()).ToArray()) });
                return;
            case ("POST", ["v1.0", "users", _, "calendar", "getSchedule"]):
                await Json(http, Schedule(JsonNode.Parse(body)!.AsObject()));
                return;
            case ("GET", ["v1.0", "users", var user, "events"]):
                await Json(http, new JsonObject { ["value"] = new JsonArray(FindEvents(user, http.Request.Query["$filter"].ToString()).ToArray()) });
                return;
            case ("POST", ["v1.0", "users", var user, "events"]):
                var (created, status) = Create(user, JsonNode.Parse(body)!.AsObject());
                if (fault == "lost")
                {
                    http.Response.StatusCode = 504;
                    return;
                }

                http.Response.StatusCode = status;
                await Json(http, created);
                return;
            case ("PATCH", ["v1.0", "users", var user, "events", var id]):
                var patched = Patch(user, id, JsonNode.Parse(body)!.AsObject());
                if (patched is null)
                {
                    await NotFound(http);
                    return;
                }

                await Json(http, patched);
                return;
            case ("DELETE", ["v1.0", "users", var user, "events", var id]):
                bool removed;
                lock (_gate)
                {
                    removed = _events.RemoveAll(e => e["id"]!.GetValue<string>() == id && e["calendar"]!.GetValue<string>().Equals(user, StringComparison.OrdinalIgnoreCase)) > 0;
                }

                if (!removed)
                {
                    await NotFound(http);
                    return;
                }

                http.Response.StatusCode = 204;
                return;
            case ("GET", ["v1.0", "users", var user, "manager"]):
                if (Users.TryGetValue(user, out var u) && u.Manager is not null)
                {
                    await Json(http, new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = u.Manager });
                    return;
                }

                await NotFound(http);
                return;
            case ("GET", ["v1.0", "users", var user]):
                await Json(http, new JsonObject { ["id"] = user, ["department"] = Users.TryGetValue(user, out var v) ? v.Department : null });
                return;
            default:
                await NotFound(http);
                return;
        }
    }

    private string? NextFault(string method, string path)
    {
        lock (_gate)
        {
            if (FaultRate <= 0 || _random.NextDouble() >= FaultRate)
            {
                return null;
            }

            FaultsInjected++;
            var creating = method == "POST" && path.EndsWith("/events", StringComparison.Ordinal);
            return _random.Next(creating ? 4 : 3) switch { 0 => "429", 1 => "503", 2 => "hang", _ => "lost" };
        }
    }

    /// <summary>Graph reads action parameters case-insensitively (the SDK sends "Schedules", the docs show "schedules").</summary>
    private static JsonNode Get(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? throw new InvalidOperationException("missing " + name);

    private JsonObject Schedule(JsonObject request)
    {
        var from = Utc(Get(request, "startTime"));
        var to = Utc(Get(request, "endTime"));
        var result = new JsonArray();
        lock (_gate)
        {
            foreach (var schedule in Get(request, "schedules").AsArray().Select(s => s!.GetValue<string>()))
            {
                var items = new JsonArray();
                foreach (var (start, end) in BusyOf(schedule).Where(b => b.Start < to && from < b.End))
                {
                    items.Add(new JsonObject
                    {
                        ["status"] = "busy",
                        ["start"] = new JsonObject { ["dateTime"] = start.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
                        ["end"] = new JsonObject { ["dateTime"] = end.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
                    });
                }

                result.Add(new JsonObject { ["scheduleId"] = schedule, ["availabilityView"] = string.Empty, ["scheduleItems"] = items });
            }
        }

        return new JsonObject { ["value"] = result };
    }

    private IEnumerable<(DateTime Start, DateTime End)> BusyOf(string calendar)
    {
        foreach (var b in _busy.Where(b => b.Calendar.Equals(calendar, StringComparison.OrdinalIgnoreCase)))
        {
            yield return (b.Start, b.End);
        }

        foreach (var e in _events)
        {
            var mine = e["calendar"]!.GetValue<string>().Equals(calendar, StringComparison.OrdinalIgnoreCase)
                || (e["attendees"]?.AsArray().Any(a => a!["type"]?.GetValue<string>() == "resource" && a["emailAddress"]!["address"]!.GetValue<string>().Equals(calendar, StringComparison.OrdinalIgnoreCase)) ?? false);
            if (mine)
            {
                yield return (Utc(e["start"]!), Utc(e["end"]!));
            }
        }
    }

    private List<JsonNode> FindEvents(string user, string filter)
    {
        lock (_gate)
        {
            var mine = _events.Where(e => e["calendar"]!.GetValue<string>().Equals(user, StringComparison.OrdinalIgnoreCase) && e["singleValueExtendedProperties"] is JsonArray);
            var eq = filter.IndexOf("ep/value eq '", StringComparison.Ordinal);
            if (eq >= 0)
            {
                var value = filter[(eq + 13)..filter.IndexOf('\'', eq + 13)];
                mine = mine.Where(e => e["singleValueExtendedProperties"]!.AsArray().Any(p => p!["value"]!.GetValue<string>() == value));
            }

            return mine.Select(e => (JsonNode)new JsonObject { ["id"] = e["id"]!.DeepClone(), ["start"] = e["start"]!.DeepClone(), ["end"] = e["end"]!.DeepClone() }).ToList();
        }
    }

    private (JsonObject Event, int Status) Create(string user, JsonObject request)
    {
        lock (_gate)
        {
            // transactionId: a retried create returns the event created the first time.
            var tx = request["transactionId"]?.GetValue<string>();
            if (tx is not null && _events.FirstOrDefault(e => e["transactionId"]?.GetValue<string>() == tx && e["calendar"]!.GetValue<string>().Equals(user, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                return ((JsonObject)existing.DeepClone(), 201);
            }

            request["id"] = "evt-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
            request["calendar"] = user;
            _events.Add(request);
            return ((JsonObject)request.DeepClone(), 201);
        }
    }

    private JsonObject? Patch(string user, string id, JsonObject patch)
    {
        lock (_gate)
        {
            var e = _events.FirstOrDefault(x => x["id"]!.GetValue<string>() == id && x["calendar"]!.GetValue<string>().Equals(user, StringComparison.OrdinalIgnoreCase));
            if (e is null)
            {
                return null;
            }

            foreach (var (key, value) in patch.ToList())
            {
                e[key] = value?.DeepClone();
            }

            return (JsonObject)e.DeepClone();
        }
    }

    private static DateTime Utc(JsonNode dateTimeTimeZone) =>
        DateTime.Parse(Get(dateTimeTimeZone.AsObject(), "dateTime").GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static Task Json(HttpContext http, JsonNode node)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(node.ToJsonString());
    }

    private static Task NotFound(HttpContext http)
    {
        http.Response.StatusCode = 404;
        return http.Response.WriteAsJsonAsync(new { error = new { code = "ErrorItemNotFound", message = "not found" } });
    }
}
