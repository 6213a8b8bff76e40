using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VpWijzer.Cards;
using VpWijzer.Figures;
using VpWijzer.Scheduling;
using VpWijzer.State;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Figures;

/// <summary>The figures card for fixed counts: pinned by a snapshot, valid for the official validator, same numbers as the CSV.</summary>
public sealed class FiguresCardTests : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly DirectoryService _directory = new(DirectoryLoader.DefaultPath, NullLogger<DirectoryService>.Instance);

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public async Task MonthCard_MatchesSnapshot_AndPassesTheValidator(Language l)
    {
        var (card, _) = Build(l);
        var actual = JsonSerializer.Serialize(JsonNode.Parse(CardSerializer.ToJson(card)), Indented);
        var path = Path.Combine(RepoPaths.Snapshots, $"figures-month.{l.Tag()}.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual + "\n");
        }

        var results = await AdaptiveCardValidator.ValidateAsync([("figures", CardSerializer.ToJsonElement(card))]);

        Assert.True(File.Exists(path), $"Snapshot {Path.GetFileName(path)} is missing; run the tests once with UPDATE_SNAPSHOTS=1 and review the file.");
        Assert.Equal(File.ReadAllText(path).TrimEnd(), actual.TrimEnd());
        Assert.Empty(results["figures"]);
    }

    [Fact]
    public void Csv_HasEveryNumberOfTheCard_AndNothingElse()
    {
        var (card, csv) = Build(Language.Nl);
        var json = JsonNode.Parse(CardSerializer.ToJson(card))!;

        var facts = Conversation.Descendants(json).Where(o => o["type"]?.GetValue<string>() == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray()).Select(f => $"{f!["title"]!.GetValue<string>()}={f["value"]!.GetValue<string>()}").ToList();
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(';').Select(c => c.Trim('"')).ToArray())
            .Where(r => r[1] != "totaal").Select(r => r[2].Length > 0 ? $"{r[2]}={r[3]}" : $"{r[1]}={r[3]}").ToList();

        Assert.Equal(facts.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    /// <summary>Issue 20: months before VP-wijzer started, and months still to come, read "—", not "&lt; 5".</summary>
    [Fact]
    public void YearReport_MonthsWithoutData_ReadAsADash_AQuietMonthInBetweenStaysACount()
    {
        var builder = new FiguresReportBuilder(new MemoryFiguresStore(), _directory, Options.Create(new FiguresOptions()));
        var busy = new Dictionary<string, long> { ["question|teams|bullying"] = 9 };
        var quiet = new Dictionary<string, long> { ["question|teams|bullying"] = 2 };
        var perMonth = new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["2026-06"] = busy, ["2026-07"] = quiet, ["2026-08"] = new Dictionary<string, long>(), ["2026-09"] = busy, ["2026-10"] = busy,
        };

        var report = builder.Build(ReportKind.Year, "2026", new FiguresViewer(true, null), perMonth);

        var months = report.Section(ReportIds.Questions)!.Lines.Single(x => x.Id == ReportIds.ByMonth).Cells.ToDictionary(c => c.Key, c => c.State);
        Assert.Equal(12, months.Count);
        Assert.All(new[] { "2026-01", "2026-05", "2026-11", "2026-12" }, m => Assert.Equal(CellState.NoData, months[m]));
        Assert.Equal(CellState.Shown, months["2026-06"]);
        Assert.NotEqual(CellState.NoData, months["2026-07"]);
        Assert.NotEqual(CellState.NoData, months["2026-08"]);
        var labels = new FiguresLabels(TestKnowledge.Base, _directory);
        var csv = labels.Csv(report, Language.Nl);
        Assert.Contains("januari;—", csv.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("augustus;—", csv.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Known zeros are no help to an attacker: the year total minus the shown months still cannot pin July.</summary>
    [Fact]
    public void YearReport_MonthsWithoutData_DoNotPinASmallMonth()
    {
        var builder = new FiguresReportBuilder(new MemoryFiguresStore(), _directory, Options.Create(new FiguresOptions()));
        var perMonth = new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["2026-07"] = new Dictionary<string, long> { ["question|teams|bullying"] = 3 },
            ["2026-08"] = new Dictionary<string, long> { ["question|teams|bullying"] = 9 },
        };

        var report = builder.Build(ReportKind.Year, "2026", new FiguresViewer(true, null), perMonth);

        var section = report.Section(ReportIds.Questions)!;
        var line = section.Lines.Single(x => x.Id == ReportIds.ByMonth);
        Assert.True(line.Omitted || line.Cells.Single(c => c.Key == "2026-08").State != CellState.Shown || section.Total.State != CellState.Shown,
            "July = total − August − known zeros: one of them must be hidden");
    }

    private (AdaptiveCard Card, string Csv) Build(Language l)
    {
        var builder = new FiguresReportBuilder(new MemoryFiguresStore(), _directory, Options.Create(new FiguresOptions()));
        var month = new Dictionary<string, long>
        {
            ["question|teams|bullying"] = 14, ["question|teams|discrimination"] = 12, ["question|intranet|discrimination"] = 3,
            ["question|teams|aggression"] = 2, ["question|teams|vp-role"] = 9, ["question|intranet|none"] = 6,
            ["selfcheck|teams"] = 7, ["crisis|teams"] = 1,
            ["booking|teams|vp-anna|inperson|named"] = 4, ["booking|teams|vp-anna|phone|anonymous"] = 3, ["booking|teams|vp-mehmet|teamscall|named"] = 6,
            ["shared|teams|bullying"] = 5, ["shared|teams|none"] = 8,
            ["minutes|vp-anna"] = 420, ["minutes|vp-mehmet"] = 360,
            ["vp|vp-anna|confirmed"] = 6, ["vp|vp-mehmet|confirmed"] = 5, ["vp|vp-mehmet|referred"] = 1,
        };
        var report = builder.Build(ReportKind.Month, "2026-11", new FiguresViewer(true, null), new Dictionary<string, IReadOnlyDictionary<string, long>> { ["2026-11"] = month });
        var before = builder.Build(ReportKind.Month, "2026-10", new FiguresViewer(true, null), new Dictionary<string, IReadOnlyDictionary<string, long>> { ["2026-10"] = new Dictionary<string, long> { ["question|teams|bullying"] = 13, ["question|teams|discrimination"] = 6, ["question|teams|vp-role"] = 10 } });
        var labels = new FiguresLabels(TestKnowledge.Base, _directory);
        var trend = FiguresTrend.Read(report.Section(ReportIds.Questions), before.Section(ReportIds.Questions), report.Section(ReportIds.Bookings), before.Section(ReportIds.Bookings), k => labels.Topic(k, l), l.Pick("vorige maand", "last month"), l);
        var card = FiguresCard.Create(new FiguresView(l, report, labels, trend, "https://vp-wijzer.example/figures/chart/token.png", "https://vp-wijzer.example/figures/csv/token.csv", null));
        return (card, labels.Csv(report, l));
    }
}
