using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Cards;
using VpWijzer.Figures;
using VpWijzer.Protocol;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Figures;

/// <summary>A bot with in-memory figures and a clock the test can move.</summary>
public sealed class FiguresFixture : IAsyncLifetime
{
    public const string CentralVp = "00000000-0000-0000-0000-0000000000a1";
    public const string Mehmet = "00000000-0000-0000-0000-0000000000a2";

    public BotHost Bot { get; private set; } = null!;

    public StandInConnector Connector { get; private set; } = null!;

    public MovableTime Time { get; } = new();

    public IFiguresStore Store => Bot.Services.GetRequiredService<IFiguresStore>();

    public async Task InitializeAsync()
    {
        Connector = await StandInConnector.StartAsync();
        Bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:Store"] = "Memory", ["Handoff:NoResponseAfter"] = "00:00:00" }, s => s.AddSingleton<TimeProvider>(Time));
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    public Conversation Chat(string? objectId = null, string channel = Channels.MsTeams, string locale = "nl-NL") =>
        new(Bot, Connector, channel, locale) { UserObjectId = objectId ?? Guid.NewGuid().ToString() };

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        await Bot.Services.GetRequiredService<FiguresRecorder>().FlushAsync(TimeSpan.FromSeconds(10));
        return await Store.ReadMonthAsync(FigureKeys.Month(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")), CancellationToken.None);
    }
}

/// <summary>The real clock, moved forward on request (link expiry).</summary>
public sealed class MovableTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

public sealed class FiguresConversationTests(FiguresFixture fixture) : IClassFixture<FiguresFixture>
{
    [Fact]
    public async Task RealConversations_AreCounted_WithoutAnythingAboutThePerson()
    {
        var before = await fixture.CountsAsync();
        var chat = fixture.Chat();

        await chat.SendAsync("wat is pesten?");
        await chat.SendAsync("ik wil niet meer leven");
        await chat.SendAsync("check");
        await chat.ClickAsync("Een collega");
        await chat.ClickAsync("Ja, vaker");
        await chat.ClickAsync("Nee");
        await chat.ClickAsync("Nee");
        await chat.ClickAsync("Nee");
        Assert.Contains("Dank je voor je antwoorden", chat.LastCard.AllText(), StringComparison.Ordinal);
        await chat.BookAnonymouslyAsync();
        Assert.Contains("Je afspraak staat", chat.LastCard.AllText(), StringComparison.Ordinal);
        var after = await fixture.CountsAsync();

        long Delta(Func<string, bool> which) => after.Where(e => which(e.Key)).Sum(e => e.Value) - before.Where(e => which(e.Key)).Sum(e => e.Value);
        Assert.Equal(1, Delta(f => f.StartsWith("question|teams|", StringComparison.Ordinal)));
        Assert.Equal(1, Delta(f => f == "crisis|teams"));
        Assert.Equal(1, Delta(f => f == "selfcheck|teams"));
        Assert.Equal(1, Delta(f => f == "booking|teams|vp-anna|phone|anonymous"));
        Assert.Equal(1, Delta(f => f == "shared|teams|none"));
        Assert.InRange(Delta(f => f == "minutes|vp-anna"), 15, 240);
        var everything = string.Join("\n", after.Select(e => e.Key));
        Assert.DoesNotContain(chat.UserObjectId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.ConversationId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("pesten", everything, StringComparison.Ordinal);
        Assert.All(after.Keys, f => Assert.True(FigureKeys.IsField(f), f));
    }

    [Fact]
    public async Task VpActions_AreCounted_ConfirmAndNoResponse()
    {
        var before = await fixture.CountsAsync();
        var employee = fixture.Chat();
        await employee.SendAsync("afspraak maken");
        await employee.ClickAsync("Verder");
        await employee.ClickAsync("Kies Mehmet");
        await employee.ClickAsync("Via Teams");
        await employee.ClickAsync("Dit tijdstip");
        await employee.ClickAsync("Uitnodiging in mijn agenda");
        await employee.ClickAsync("Overslaan");
        await employee.ClickAsync("Ja, maak de afspraak");

        // No response yet (the limit is zero here): counted once, however often the check runs.
        var handoff = fixture.Bot.Services.GetRequiredService<VpWijzer.Handoff.HandoffService>();
        await handoff.CheckNoResponseAsync(CancellationToken.None);
        await handoff.CheckNoResponseAsync(CancellationToken.None);
        var card = fixture.Connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
        var mehmet = new Conversation(fixture.Bot, fixture.Connector) { ConversationId = card.Conversation!.Id!, UserObjectId = FiguresFixture.Mehmet };
        await mehmet.ExecuteAsync(JsonNode.Parse(card.Attachments![0].Content!.Value.GetRawText())!.AsObject(), "Bevestigen");
        var after = await fixture.CountsAsync();

        long Delta(string field) => after.GetValueOrDefault(field) - before.GetValueOrDefault(field);
        Assert.Equal(1, Delta("booking|teams|vp-mehmet|teamscall|named") + Delta("booking|teams|vp-mehmet|teamscall|anonymous"));
        Assert.Equal(1, Delta("vp|vp-mehmet|no-response"));
        Assert.Equal(1, Delta("vp|vp-mehmet|confirmed"));
    }

    [Fact]
    public async Task IntranetChannel_IsCountedAsIntranet()
    {
        var before = await fixture.CountsAsync();
        var chat = fixture.Chat(channel: Channels.DirectLine);

        await chat.SendAsync("wat is discriminatie?");

        var after = await fixture.CountsAsync();
        Assert.Equal(1, after.Where(e => e.Key.StartsWith("question|intranet|", StringComparison.Ordinal)).Sum(e => e.Value) - before.Where(e => e.Key.StartsWith("question|intranet|", StringComparison.Ordinal)).Sum(e => e.Value));
    }

    [Fact]
    public async Task CentralVp_GetsMonthOverview_WithProtectedNumbersChartAndCsvThatMatches()
    {
        await SeedAsync();
        var cvp = fixture.Chat(FiguresFixture.CentralVp);

        await cvp.SendAsync("Maandoverzicht");

        var card = cvp.LastCard;
        var text = card.AllText();
        Assert.StartsWith("Maandoverzicht", card.Title(), StringComparison.Ordinal);
        Assert.Contains("< 5", text, StringComparison.Ordinal);
        Assert.Contains("Vragen beantwoord", text, StringComparison.Ordinal);
        Assert.Contains("Mehmet", text, StringComparison.Ordinal);
        Assert.Contains("Meer vragen over discriminatie dan vorige maand", text, StringComparison.Ordinal);

        // The chart: a PNG at a sealed link on the bot.
        var image = Conversation.Descendants(card).Single(o => o["type"]?.GetValue<string>() == "Image")["url"]!.GetValue<string>();
        Assert.StartsWith(fixture.Bot.Address.ToString().TrimEnd('/') + "/figures/chart/", image, StringComparison.Ordinal);
        using var png = await fixture.Bot.Http.GetAsync(new Uri(image));
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 5000, $"chart too small: {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "vp-wijzer-figures-month.png"), bytes);

        // The CSV: the same numbers as the card, "< 5" and "verborgen" included.
        var csvUrl = CsvAction(card)["url"]!.GetValue<string>();
        using var csvResponse = await fixture.Bot.Http.GetAsync(new Uri(csvUrl));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(';').Select(c => c.Trim('"')).ToArray()).ToList();
        var facts = Conversation.Descendants(card).Where(o => o["type"]?.GetValue<string>() == "FactSet").SelectMany(f => f["facts"]!.AsArray()).Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        var csvFacts = rows.Select(r => r[2].Length > 0 ? (r[2], r[3]) : (r[1], r[3])).ToList();
        Assert.Equal(facts.Count, csvFacts.Count(f => f.Item1 != "totaal"));
        Assert.All(facts, f => Assert.Contains(f, csvFacts));
        // No '*' on the card: Teams' markdown made it a bullet or bold (issue 20); a hidden number says so in words.
        Assert.DoesNotContain("*", card.ToJsonString(), StringComparison.Ordinal);
        var totals = rows.Where(r => r[1] == "totaal").Select(r => $"{r[0]}: {r[3]}").ToList();
        Assert.NotEmpty(totals);
        Assert.All(totals, t => Assert.Contains(t, text, StringComparison.Ordinal));
        Assert.Contains(rows, r => r[3] == "< 5");

        // A changed token is refused.
        var tampered = image.Replace("/chart/", "/chart/A", StringComparison.Ordinal);
        using var bad = await fixture.Bot.Http.GetAsync(new Uri(tampered));
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        var flipped = image[..^10] + (image[^10] == 'A' ? 'B' : 'A') + image[^9..];
        using var bad2 = await fixture.Bot.Http.GetAsync(new Uri(flipped));
        Assert.Equal(HttpStatusCode.NotFound, bad2.StatusCode);
    }

    [Fact]
    public async Task ChartAndCsvLinks_StopWorkingAfterTenMinutes()
    {
        var cvp = fixture.Chat(FiguresFixture.CentralVp);
        await cvp.SendAsync("maandoverzicht");
        var csvUrl = CsvAction(cvp.LastCard)["url"]!.GetValue<string>();
        using (var ok = await fixture.Bot.Http.GetAsync(new Uri(csvUrl)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        fixture.Time.Offset = TimeSpan.FromMinutes(11);
        try
        {
            using var expired = await fixture.Bot.Http.GetAsync(new Uri(csvUrl));
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }
        finally
        {
            fixture.Time.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task CentralVp_YearOverview_InEnglishToo()
    {
        await SeedAsync();
        var cvp = fixture.Chat(FiguresFixture.CentralVp, locale: "en-GB");

        await cvp.SendAsync("jaaroverzicht");
        var year = cvp.LastCard;
        await cvp.SendAsync("monthly overview");
        var month = cvp.LastCard;

        Assert.StartsWith("Jaaroverzicht " + DateTimeOffset.UtcNow.Year, year.Title(), StringComparison.Ordinal);
        Assert.Contains("per maand", year.AllText(), StringComparison.Ordinal);
        Assert.Contains("De laatste drie maanden", year.AllText(), StringComparison.Ordinal);
        Assert.StartsWith("Monthly overview", month.Title(), StringComparison.Ordinal);
        Assert.Contains("Questions answered", month.AllText(), StringComparison.Ordinal);
        Assert.Contains("figures.show", month.Verbs());

        await cvp.ClickAsync("Previous month");
        Assert.StartsWith("Monthly overview", cvp.LastCard.Title(), StringComparison.Ordinal);
        Assert.NotEqual(month.Title(), cvp.LastCard.Title());
    }

    [Fact]
    public async Task Vp_SeesOnlyTheirOwnFigures()
    {
        await SeedAsync();
        var mehmet = fixture.Chat(FiguresFixture.Mehmet);

        await mehmet.SendAsync("maandoverzicht");

        var text = mehmet.LastCard.AllText();
        Assert.Contains("Alleen de cijfers van Mehmet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanne", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vragen beantwoord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("per vertrouwenspersoon", text, StringComparison.Ordinal);
        Assert.Contains("Gesprekken geboekt", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Others_GetWhatAnyUnknownTextGets_AndCvpOutsideTeamsToo()
    {
        var employee = fixture.Chat();
        var cvpOnIntranet = fixture.Chat(FiguresFixture.CentralVp, Channels.DirectLine);

        await employee.SendAsync("Jaaroverzicht");
        var refused = employee.LastCard;
        await cvpOnIntranet.SendAsync("Jaaroverzicht");
        var intranet = cvpOnIntranet.LastCard;
        await employee.SendAsync("monthly overview");
        var refusedEn = employee.LastCard;

        Assert.Equal(intranet.ToJsonString(), refused.ToJsonString());
        foreach (var card in new[] { refused, intranet, refusedEn })
        {
            Assert.DoesNotContain("overzicht", card.Title(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/figures/", card.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("figures.show", card.Verbs());
        }

        // A forwarded figures button does nothing for anyone else.
        await employee.SubmitAsync(new JsonObject { ["verb"] = "figures.show", ["kind"] = "month", ["period"] = string.Empty });
        Assert.Contains("This button no longer works", employee.LastText, StringComparison.Ordinal); // the English text came last
        Assert.DoesNotContain(employee.LastReplies, r => r.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("/figures/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task EveryFiguresCard_PassesTheOfficialValidator()
    {
        await SeedAsync();
        var cards = new List<(string, System.Text.Json.JsonElement)>();
        foreach (var (who, command) in new[] { (FiguresFixture.CentralVp, "maandoverzicht"), (FiguresFixture.CentralVp, "jaaroverzicht"), (FiguresFixture.CentralVp, "annual overview"), (FiguresFixture.Mehmet, "monthly overview") })
        {
            var chat = fixture.Chat(who);
            await chat.SendAsync(command);
            cards.Add(($"{who[^2..]}-{command}", chat.LastReplies[^1].Attachments![0].Content!.Value));
        }

        var results = await AdaptiveCardValidator.ValidateAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Value.Count == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
        Assert.All(cards, c => Assert.True(c.Item2.GetRawText().Length < 28_000, "Teams accepts cards up to 28 KB"));
    }

    private static JsonObject CsvAction(JsonObject card) =>
        Conversation.Descendants(card).Single(o => o["type"]?.GetValue<string>() == "Action.OpenUrl" && o["title"]!.GetValue<string>().Contains("CSV", StringComparison.Ordinal));

    private static bool _seeded;

    /// <summary>Made-up counts for this month and last month (once per fixture).</summary>
    private async Task SeedAsync()
    {
        if (_seeded && fixture.Store is MemoryFiguresStore)
        {
            return;
        }

        _seeded = true;
        var now = FigureKeys.Month(fixture.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var last = FiguresReportBuilder.PreviousPeriod(ReportKind.Month, now);
        await fixture.Store.IncrementAsync(now, new Dictionary<string, long>
        {
            ["question|teams|bullying"] = 14, ["question|teams|discrimination"] = 12, ["question|intranet|discrimination"] = 3,
            ["question|teams|aggression"] = 2, ["question|teams|vp-role"] = 9, ["question|intranet|none"] = 6,
            ["selfcheck|teams"] = 7, ["crisis|teams"] = 1,
            ["booking|teams|vp-anna|inperson|named"] = 4, ["booking|teams|vp-anna|phone|anonymous"] = 3, ["booking|teams|vp-mehmet|teamscall|named"] = 6,
            ["booking|intranet|vp-sanne|phone|anonymous"] = 1,
            ["shared|teams|bullying"] = 5, ["shared|teams|none"] = 8, ["shared|intranet|none"] = 1,
            ["minutes|vp-anna"] = 420, ["minutes|vp-mehmet"] = 360, ["minutes|vp-sanne"] = 60,
            ["vp|vp-anna|confirmed"] = 6, ["vp|vp-mehmet|confirmed"] = 5, ["vp|vp-mehmet|referred"] = 1,
        }, CancellationToken.None);
        await fixture.Store.IncrementAsync(last, new Dictionary<string, long>
        {
            ["question|teams|bullying"] = 13, ["question|teams|discrimination"] = 6, ["question|teams|vp-role"] = 10,
            ["booking|teams|vp-anna|inperson|named"] = 5, ["shared|teams|none"] = 5, ["minutes|vp-anna"] = 300,
        }, CancellationToken.None);
    }
}
