using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VpWijzer.Telemetry;

/// <summary>
/// What IT sees of the bot in Application Insights or any OpenTelemetry backend (issue 16): how many turns, how long
/// they take, how often the bot asks back, the safety levels, booking outcomes and Graph calls with their throttling.
/// Only fixed, low-cardinality tag values from our own enums and ids go in: never text, names, user, conversation or
/// booking ids, URLs or tokens (PRODUCT.md principles 1–2; the telemetry privacy test proves it with sentinels).
/// </summary>
public static class BotTelemetry
{
    public const string Name = "VpWijzer";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("vpwijzer.turns", description: "Turns handled, by channel and activity type");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("vpwijzer.turn.duration", unit: "ms", description: "Time to handle one turn");
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("vpwijzer.answers", description: "Typed questions by outcome: answer, clarify, smalltalk");
    private static readonly Counter<long> SafetyLevels = Meter.CreateCounter<long>("vpwijzer.safety", description: "Crisis screener levels of typed messages");
    private static readonly Counter<long> BookingOutcomes = Meter.CreateCounter<long>("vpwijzer.bookings", description: "Bookings by outcome: booked, cancelled, rescheduled");
    private static readonly Histogram<double> GraphDuration = Meter.CreateHistogram<double>("vpwijzer.graph.duration", unit: "ms", description: "Microsoft Graph calls, by method and status class");
    private static readonly Counter<long> GraphThrottled = Meter.CreateCounter<long>("vpwijzer.graph.throttled", description: "Graph answers 429 (before the SDK's own retry)");

    /// <summary>The channels and activity types we know; anything else is counted as "other" (a tag is never free text).</summary>
    private static readonly HashSet<string> KnownChannels = new(StringComparer.Ordinal) { "msteams", "directline", "webchat", "emulator", "test" };

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal) { "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing" };

    /// <summary>
    /// A root span per turn. ASP.NET Core's own request activity is never sampled (we do not enable its instrumentation:
    /// its URLs carry capability tokens), and a parent-based sampler would drop every child of it, so the turn starts
    /// a trace of its own. Dispose the returned span to end it; the caller restores <see cref="Activity.Current"/>.
    /// </summary>
    public static Activity? StartTurn(string? channel, string? type)
    {
        Activity.Current = null;
        var span = Source.StartActivity("turn", ActivityKind.Server);
        span?.SetTag("channel", Known(channel, KnownChannels));
        span?.SetTag("activity.type", Known(type, KnownTypes));
        return span;
    }

    public static void TurnDone(string? channel, string? type, double milliseconds)
    {
        var tags = new TagList { { "channel", Known(channel, KnownChannels) }, { "activity.type", Known(type, KnownTypes) } };
        Turns.Add(1, tags);
        TurnDuration.Record(milliseconds, tags);
    }

    /// <param name="outcome">"answer", "clarify" or "smalltalk".</param>
    public static void Answered(string outcome) => Answers.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="level">"acute", "possible" or "none".</param>
    public static void Safety(string level) => SafetyLevels.Add(1, new KeyValuePair<string, object?>("level", level));

    /// <param name="outcome">"booked", "cancelled", "rescheduled" or "proposal-accepted".</param>
    public static void Booking(string outcome) => BookingOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Graph(string method, int status, double milliseconds)
    {
        var tags = new TagList { { "http.method", method }, { "status", status == 0 ? "error" : $"{status / 100}xx" } };
        GraphDuration.Record(milliseconds, tags);
        if (status == 429)
        {
            GraphThrottled.Add(1);
        }
    }

    private static string Known(string? value, HashSet<string> known) => value is not null && known.Contains(value) ? value : "other";
}

/// <summary>Times every Graph attempt (inside the SDK's retry, so each 429 is seen) without its URL.</summary>
public sealed class GraphTelemetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            BotTelemetry.Graph(request.Method.Method, (int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return response;
        }
        catch (HttpRequestException)
        {
            BotTelemetry.Graph(request.Method.Method, 0, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
    }
}
