using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VpWijzer.Load;

/// <summary>
/// Demo-mode booking at a fixed turn rate: each simulated person walks the flow by clicking the buttons of the card
/// they just got (as bot.tests/Dialogs/BookingConversationTests does), reads at least 300 ms between clicks, and
/// cancels at the end so the demo calendars do not fill up.
/// </summary>
public sealed class BookingLoad(Generator generator, StandInConnector connector, string peoplePrefix = "bench-book-")
{
    private static readonly string[] Steps = ["Verder", "Kies ", "Telefonisch", "Dit tijdstip", "Anonieme reservering", "Overslaan", "Ja, maak de afspraak", "Afzeggen"];

    private const string SlotStep = "Dit tijdstip";

    private readonly ConcurrentQueue<Person> _idle = new();
    private int _people;
    private int _completed;
    private readonly ConcurrentDictionary<string, int> _flowErrors = new(StringComparer.Ordinal);

    public async Task<RunResult> RunAsync(int rate, double seconds)
    {
        var total = (int)(rate * seconds);
        var result = new RunResult(total);
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)).ConfigureAwait(false);
            }

            var person = _idle.TryPeek(out var p) && p.ReadyAt <= Stopwatch.GetTimestamp() && _idle.TryDequeue(out p) ? p : new Person(peoplePrefix + Interlocked.Increment(ref _people));
            tasks.Add(StepAsync(person, due, result));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine($"booking people={_people} completed_flows={_completed} flow_errors={(_flowErrors.IsEmpty ? "none" : string.Join(",", _flowErrors.Select(e => $"{e.Key}:{e.Value}")))}");
        return result;
    }

    private async Task StepAsync(Person person, long due, RunResult result)
    {
        JsonObject activity;
        if (person.Step == 0)
        {
            activity = Activities.Message(connector.ServiceUrl, person.Conversation, "Ik wil een afspraak maken met een vertrouwenspersoon");
        }
        else
        {
            var data = person.LastCard is null ? null : FindActionData(person.LastCard, Steps[person.Step - 1]);
            if (data is null && person.LastCard is not null && FindActionData(person.LastCard, SlotStep) is { } otherSlot)
            {
                // Someone else just took the slot: the bot offers new times, so pick one and go on from there.
                person.Step = Array.IndexOf(Steps, SlotStep) + 1;
                data = otherSlot;
            }

            if (data is null)
            {
                if (_flowErrors.AddOrUpdate("no '" + Steps[person.Step - 1] + "'", 1, (_, n) => n + 1) == 1 && Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
                {
                    Console.Error.WriteLine($"first flow error at step {person.Step}: last card {person.LastCard?.ToJsonString()} text {person.LastText}");
                }
                return; // this person gives up; a new one starts on a later tick
            }

            activity = Activities.Message(connector.ServiceUrl, person.Conversation, null, data);
        }

        var turn = await generator.SendTimedAsync(activity, due, result).ConfigureAwait(false);
        if (turn is null)
        {
            return;
        }

        person.LastCard = LastCard(turn.Bodies);
        person.LastText = string.Join(" | ", turn.Bodies.Select(b => JsonNode.Parse(b)?["text"]?.GetValue<string>()).Where(t => t is not null));
        person.Step++;
        if (person.Step > Steps.Length)
        {
            Interlocked.Increment(ref _completed);
            return;
        }

        person.ReadyAt = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3 / 10); // a (quick) person reads for 300 ms
        _idle.Enqueue(person);
    }

    private static JsonObject? LastCard(IReadOnlyList<byte[]> bodies)
    {
        for (var i = bodies.Count - 1; i >= 0; i--)
        {
            var reply = JsonNode.Parse(bodies[i])!.AsObject();
            if (reply["attachments"] is JsonArray { Count: > 0 } attachments && attachments[0]?["content"] is JsonObject card)
            {
                return card;
            }
        }

        return null;
    }

    /// <summary>The data of a button whose title contains <paramref name="title"/>; a random one when several match (VPs, times).</summary>
    private static JsonObject? FindActionData(JsonNode card, string title)
    {
        var matches = Descendants(card)
            .Where(o => o["type"]?.GetValue<string>() is "Action.Submit" or "Action.Execute"
                && o["title"]?.GetValue<string>().Contains(title, StringComparison.OrdinalIgnoreCase) == true
                && o["data"] is JsonObject)
            .ToList();
#pragma warning disable CA5394 // not security relevant: spreads simulated people over VPs and times
        return matches.Count == 0 ? null : JsonNode.Parse(matches[Random.Shared.Next(matches.Count)]["data"]!.ToJsonString())!.AsObject();
#pragma warning restore CA5394
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                foreach (var d in Descendants(child))
                {
                    yield return d;
                }
            }
        }
    }

    private sealed class Person(string conversation)
    {
        public string Conversation { get; } = conversation;

        public int Step { get; set; }

        public long ReadyAt { get; set; }

        public JsonObject? LastCard { get; set; }

        public string? LastText { get; set; }
    }
}
