using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VpWijzer.Protocol;
using VpWijzer.State;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>
/// The privacy promise as a test: every flow runs with unique sentinel strings in every place a
/// user can type, and afterwards no sentinel is found in any log line (Trace, every category),
/// the state store, anything sent to the connector (employee or VP) or to Graph, or files written.
/// The employee's name and object id appear in no log line, and their name only in the chosen
/// VP's first handoff card and calendar invite, only after they chose a named invite.
/// </summary>
public sealed class SentinelSuiteTests : IAsyncLifetime
{
    private const string S = "SNTL";
    private const string EmployeeName = "Zeynep Sentinelnaam";
    private const string EmployeeUpn = "zeynep.sentinel@gemeente.example";
    private StandInGraph _graph = null!;
    private StandInConnector _connector = null!;
    private BotHost _bot = null!;
    private readonly string _figuresFile = Path.Combine(Path.GetTempPath(), $"vpw-sentinel-figures-{Guid.NewGuid():N}.json");
    private DateTime _started;

    public async Task InitializeAsync()
    {
        _started = DateTime.UtcNow;
        _graph = await StandInGraph.StartAsync();
        _graph.AddRoom("kamer.linde@gemeente.example", "Kamer Linde", 4, "vp-geschikt");
        _connector = await StandInConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Scheduling:Mode"] = "Graph",
            ["Scheduling:Graph:BaseUrl"] = _graph.BaseUrl,
            ["Scheduling:Graph:Anonymous"] = "true",
            ["Scheduling:Graph:RetryDelaySeconds"] = "0",
            ["Scheduling:Graph:AttemptTimeout"] = "00:00:00.500",
            ["Figures:File"] = _figuresFile,
        },
        services => services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(VpWijzer.Telemetry.BotTelemetry.Name).AddInMemoryExporter(_spans))
            .WithMetrics(m => m.AddMeter(VpWijzer.Telemetry.BotTelemetry.Name).AddInMemoryExporter(_metrics)));
    }

    private readonly List<System.Diagnostics.Activity> _spans = [];
    private readonly List<OpenTelemetry.Metrics.Metric> _metrics = [];

    /// <summary>Every span and metric the bot exported (names, tags, status), as one text to search.</summary>
    private string TelemetryText()
    {
        _bot.Services.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>().ForceFlush();
        _bot.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>().ForceFlush();
        var text = new System.Text.StringBuilder();
        foreach (var span in _spans.ToList())
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{span.DisplayName} {span.OperationName} {span.StatusDescription} {string.Join(",", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(",", span.Baggage.Select(b => b.Value))}");
        }

        foreach (var metric in _metrics.ToList())
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new List<string>();
                foreach (var tag in point.Tags)
                {
                    tags.Add($"{tag.Key}={tag.Value}");
                }

                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{metric.Name} {string.Join(",", tags)}");
            }
        }

        return text.ToString();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _graph.DisposeAsync();
        File.Delete(_figuresFile);
    }

    private Conversation Employee()
    {
        var chat = new Conversation(_bot, _connector) { UserName = EmployeeName };
        _connector.AddMember(chat.UserId, new TeamsChannelAccount { Id = chat.UserId, Name = EmployeeName, UserPrincipalName = EmployeeUpn, AadObjectId = chat.UserObjectId });
        return chat;
    }

    private static JsonObject Data(JsonObject card, string title) => Conversation.FindAction(card, title)["data"]!.AsObject();

    [Fact]
    public async Task EveryFlow_WithSentinels_NoSentinelAnywhere_IdentityOnlyToTheChosenVpAfterChoice()
    {
        var employee = Employee();
        var sentinels = new List<string>();
        string Next(string where)
        {
            var s = $"{S}-{where}-{sentinels.Count:D2}";
            sentinels.Add(s);
            return s;
        }

        // Questions, clarification, English, crisis, self-check with typing in between.
        await employee.StartAsync();
        await employee.SendAsync($"{Next("q")} mijn collega Karel pest me elke dag");
        await employee.SendAsync($"wat moet ik doen {Next("vague")}");
        await employee.SendAsync($"{Next("en")} what does a confidential adviser do");
        await employee.SendAsync($"ik wil niet meer leven {Next("crisis")}");
        await employee.SendAsync("check");
        await employee.SendAsync($"{Next("mid-flow")} eigenlijk is het mijn baas");
        await employee.SendAsync("check");
        await employee.ClickAsync("Mijn leidinggevende", new Dictionary<string, string> { ["extra"] = Next("extra-input") });

        // Tampered and wrong payloads carrying sentinels.
        await employee.SubmitAsync(new JsonObject { ["verb"] = "kb.topic", ["topic"] = Next("topic") });
        await employee.SubmitAsync(new JsonObject { ["verb"] = Next("verb") });
        await employee.SubmitAsync(new JsonObject { ["verb"] = "booking.vp", ["vpId"] = Next("vp") });
        await employee.SubmitAsync(new JsonObject { ["verb"] = "booking.cancel", ["bookingId"] = Next("booking") });
        await _bot.PostRawAsync($"{{\"type\":\"message\",\"text\":\"{Next("rawjson")}");

        // Named in-person booking with sentinel inputs in filters and sharing.
        await employee.SendAsync($"{Next("book")} ik wil een afspraak");
        await employee.SendAsync("afspraak maken");
        await employee.ClickAsync("Verder");
        await employee.ClickAsync("Filters toepassen", new Dictionary<string, string> { ["filterGender"] = Next("gender"), ["filterLanguage"] = Next("lang"), ["filterKind"] = "any", ["filterFocus"] = Next("focus") });
        await employee.ClickAsync("Kies Anna");
        await employee.ClickAsync("Op kantoor");
        await employee.ClickAsync("Dit tijdstip");
        await employee.ClickAsync("Uitnodiging in mijn agenda");
        await employee.ClickAsync("Verder", new Dictionary<string, string> { ["shareTopic"] = Next("share"), ["shareLanguage"] = Next("sharelang") });
        await employee.ClickAsync("Ja, maak de afspraak");
        Assert.Contains("Je afspraak staat", employee.LastCard.AllText(), StringComparison.Ordinal);

        // Handoff: the VP confirms, proposes, the employee accepts; then refer and cancel on other bookings.
        var handoff = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
        var vp = new Conversation(_bot, _connector) { ConversationId = handoff.Conversation!.Id!, UserObjectId = "00000000-0000-0000-0000-0000000000a1", UserName = "Anna de Wit" };
        var vpCard = JsonNode.Parse(handoff.Attachments![0].Content!.Value.GetRawText())!.AsObject();
        Assert.Contains(EmployeeName, vpCard.AllText(), StringComparison.Ordinal);
        await vp.SendAsync($"{Next("vp-typed")} notitie voor mezelf");
        await vp.ExecuteAsync(vpCard, "Bevestigen");
        var slots = await vp.ExecuteAsync(vpCard, "Ander tijdstip voorstellen");
        await vp.ExecuteAsync(slots["value"]!.AsObject(), "Voorstellen");
        var proposal = _connector.Activities.Last(a => a.Conversation?.Id == employee.ConversationId && a.Attachments is { Count: > 0 });
        await employee.SubmitAsync(Data(JsonNode.Parse(proposal.Attachments![0].Content!.Value.GetRawText())!.AsObject(), "Akkoord"));

        foreach (var (mode, action) in new[] { ("Via Teams", "Doorverwijzen"), ("Telefonisch", "Annuleren") })
        {
            var other = Employee();
            await other.SendAsync($"{Next("book2")} ik wil praten");
            await other.BookAnonymouslyAsync(modeButton: mode);
            var card = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
            await vp.ExecuteAsync(JsonNode.Parse(card.Attachments![0].Content!.Value.GetRawText())!.AsObject(), action);
        }

        // Where everything could have ended up.
        var figures = await FiguresStoreTextAsync();
        var logs = _bot.Logs.AllText;
        var state = string.Join("\n", _bot.Services.GetRequiredService<MemoryConversationStateStore>().SnapshotValues().Select(v => System.Text.Encoding.UTF8.GetString(v)));
        var connector = _connector.Requests;
        var graph = _graph.Requests;
        var files = FilesWrittenSince(_started);
        var telemetry = TelemetryText();

        Assert.True(_bot.Logs.Lines.Count > 50, "the log capture saw too little to mean anything");
        Assert.NotEmpty(state);
        Assert.Contains("vpwijzer.turns", telemetry, StringComparison.Ordinal);
        Assert.Contains("vpwijzer.safety level=acute", telemetry, StringComparison.Ordinal);
        Assert.Contains("vpwijzer.bookings outcome=booked", telemetry, StringComparison.Ordinal);
        Assert.Contains("vpwijzer.graph.duration", telemetry, StringComparison.Ordinal);
        Assert.True(_spans.Count > 10, $"too few turn spans to mean anything: {_spans.Count}");
        foreach (var identity in new[] { EmployeeName, EmployeeUpn, employee.UserObjectId, employee.UserId, employee.ConversationId, vp.ConversationId, "gemeente.example", "/calendar/", "/figures/" })
        {
            Assert.DoesNotContain(identity, telemetry, StringComparison.Ordinal);
        }
        foreach (var s in sentinels)
        {
            Assert.DoesNotContain(s, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(s, telemetry, StringComparison.Ordinal);
            Assert.DoesNotContain(s, state, StringComparison.Ordinal);
            Assert.All(connector, r => Assert.DoesNotContain(s, r.Body + r.Path, StringComparison.Ordinal));
            Assert.All(graph, r => Assert.DoesNotContain(s, r.Body + r.Path + r.Query, StringComparison.Ordinal));
            Assert.All(files, f => Assert.DoesNotContain(s, f.Content, StringComparison.Ordinal));
            Assert.False(figures.Contains(s, StringComparison.Ordinal), "sentinel in the figures store: " + s);
        }

        // The anonymous figures: counted, and nothing but closed-list ids and numbers.
        Assert.True(figures.Contains("vp|vp-anna|confirmed=", StringComparison.Ordinal), "no VP action was counted");
        Assert.True(figures.Contains("crisis|teams=", StringComparison.Ordinal), "the crisis card was not counted");
        foreach (var identity in new[] { EmployeeName, EmployeeUpn, employee.UserObjectId, employee.UserId, employee.ConversationId, "Karel", "Zeynep" })
        {
            Assert.False(figures.Contains(identity, StringComparison.OrdinalIgnoreCase), "identity in the figures store");
        }

        Assert.All(figures.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches("^[0-9]{4}-[0-9]{2} [a-z0-9|-]+=-?[0-9]+$", line));

        Assert.DoesNotContain("Karel", string.Join("\n", connector.Select(r => r.Body)), StringComparison.Ordinal);
        Assert.DoesNotContain(EmployeeName, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(employee.UserObjectId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(EmployeeName, state, StringComparison.Ordinal);
        Assert.DoesNotContain(employee.UserObjectId, state, StringComparison.Ordinal);

        // Identity: only in the chosen VP's conversation and in the one named calendar invite.
        var nameInConnector = connector.Where(r => r.Body.Contains(EmployeeName, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(nameInConnector);
        Assert.All(nameInConnector, r => Assert.Contains(vp.ConversationId, r.Path, StringComparison.Ordinal));
        var nameInGraph = graph.Where(r => r.Body.Contains(EmployeeName, StringComparison.Ordinal) || r.Body.Contains(EmployeeUpn, StringComparison.Ordinal)).ToList();
        var invite = Assert.Single(nameInGraph);
        Assert.Equal("POST", invite.Method);
        Assert.EndsWith("/users/anna.dewit@gemeente.example/events", invite.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(graph, r => r.Body.Contains(employee.UserObjectId, StringComparison.Ordinal) || r.Path.Contains(employee.UserObjectId, StringComparison.Ordinal));
    }

    /// <summary>Every counter in the figures store, one "month field=value" per line.</summary>
    private async Task<string> FiguresStoreTextAsync()
    {
        await _bot.Services.GetRequiredService<VpWijzer.Figures.FiguresRecorder>().FlushAsync(TimeSpan.FromSeconds(10));
        var store = _bot.Services.GetRequiredService<VpWijzer.Figures.IFiguresStore>();
        var lines = new List<string>();
        foreach (var month in await store.MonthsAsync(CancellationToken.None))
        {
            lines.AddRange((await store.ReadMonthAsync(month, CancellationToken.None)).Select(e => $"{month} {e.Key}={e.Value}"));
        }

        return string.Join("\n", lines);
    }

    private static List<(string Path, string Content)> FilesWrittenSince(DateTime since)
    {
        var result = new List<(string, string)>();
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetTempPath() })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = root == AppContext.BaseDirectory, IgnoreInaccessible = true }))
            {
                try
                {
                    var info = new FileInfo(file);
                    // Length 0 also skips named pipes (the .NET runtime's clr-debug-pipe-* in /tmp), whose open() would block forever.
                    if (info.LastWriteTimeUtc >= since && info.Length is > 0 and < 5_000_000)
                    {
                        result.Add((file, File.ReadAllText(file)));
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return result;
    }
}
