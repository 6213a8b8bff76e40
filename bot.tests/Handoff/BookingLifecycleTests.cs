using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Protocol;
using VpWijzer.Scheduling;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Handoff;

/// <summary>
/// Issue 19: every booking can take place (a join link, the VP's number), the employee's card is built the same way in
/// every state and superseded cards keep no live buttons, and the VP hears of every change by a new message.
/// </summary>
public sealed class BookingLifecycleTests : IAsyncLifetime
{
    private StandInConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await StandInConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:MicrosoftAppTenantId"] = "tenant-1" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private VpProfile Anna => _bot.Services.GetRequiredService<IVpDirectory>().Find("vp-anna")!;

    private async Task<(Conversation Employee, Conversation VpChat, JsonObject VpCard)> BookAsync(string mode, bool anonymous = true)
    {
        var employee = new Conversation(_bot, _connector) { UserName = "Eva Medewerker" };
        _connector.AddMember(employee.UserId, new TeamsChannelAccount { Id = employee.UserId, Name = employee.UserName, UserPrincipalName = "eva@gemeente.example", AadObjectId = employee.UserObjectId });
        await employee.SendAsync("afspraak maken");
        await employee.ClickAsync("Verder");
        await employee.ClickAsync("Kies Anna");
        await employee.ClickAsync(mode);
        await employee.ClickAsync("Dit tijdstip");
        await employee.ClickAsync(anonymous ? "Reservering zonder naam" : "Uitnodiging in mijn agenda");
        await employee.ClickAsync("Overslaan");
        await employee.ClickAsync("Ja, maak de afspraak");
        var handoff = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
        var vpChat = new Conversation(_bot, _connector) { ConversationId = handoff.Conversation!.Id!, UserObjectId = Anna.ObjectId, UserName = Anna.DisplayName };
        return (employee, vpChat, JsonNode.Parse(handoff.Attachments![0].Content!.Value.GetRawText())!.AsObject());
    }

    private static IEnumerable<string> OpenUrls(JsonObject card) =>
        Conversation.Descendants(card).Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl").Select(o => o["url"]!.GetValue<string>());

    /// <summary>Cards that replaced an earlier card of this conversation (PUT …/activities/{id}), last first.</summary>
    private List<JsonObject> UpdatedCards(string conversationId) =>
        _connector.Requests.Where(r => r.Method == "PUT" && r.Activity?.Conversation?.Id == conversationId && r.Activity.Attachments is { Count: > 0 })
            .Select(r => JsonNode.Parse(r.Activity!.Attachments![0].Content!.Value.GetRawText())!.AsObject()).Reverse().ToList();

    private List<string> TextsTo(string conversationId) =>
        _connector.Activities.Where(a => a.Conversation?.Id == conversationId && a.Text is not null).Select(a => a.Text!).ToList();

    [Fact]
    public async Task AnonymousPhone_EmployeeCallsTheVpsWorkNumber_NobodyWaitsForACall()
    {
        var (employee, _, vpCard) = await BookAsync("Telefonisch");

        var card = employee.LastCard.AllText();
        Assert.Contains($"jij belt Anna de Wit op {Anna.Phone}", card, StringComparison.Ordinal);
        Assert.Contains("#31#", card, StringComparison.Ordinal);
        Assert.Contains("tel:+31300000101", OpenUrls(employee.LastCard));
        Assert.DoesNotContain("belt jou", card, StringComparison.Ordinal);
        Assert.Contains("de collega belt jou op je werknummer", vpCard.AllText(), StringComparison.Ordinal);
        Assert.Contains("een collega", vpCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousTeams_EmployeeGetsTheJoinLink_InTheCardAndTheIcs()
    {
        var (employee, _, vpCard) = await BookAsync("Via Teams");

        var urls = OpenUrls(employee.LastCard).ToList();
        var join = Assert.Single(urls, u => u.StartsWith("https://teams.microsoft.com/l/meetup-join/", StringComparison.Ordinal));
        Assert.Contains("Deelnemen via Teams", employee.LastCard.AllText(), StringComparison.Ordinal);
        Assert.Contains(join, OpenUrls(vpCard));
        var ics = new Uri(Assert.Single(urls, u => u.EndsWith(".ics", StringComparison.Ordinal)));
        using var file = await _bot.Http.GetAsync(ics.PathAndQuery);
        Assert.Contains("URL:" + join, await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VpConfirms_EmployeeCardKeepsRoomAndIcs()
    {
        var (employee, vpChat, vpCard) = await BookAsync("Op kantoor");
        var booked = employee.LastCard.AllText();
        var room = booked.Split('\n').First(l => l.StartsWith("op kantoor: ", StringComparison.Ordinal));

        await vpChat.ExecuteAsync(vpCard, "Bevestigen");

        var updated = UpdatedCards(employee.ConversationId).First();
        Assert.Contains("bevestigd door de VP", updated.AllText(), StringComparison.Ordinal);
        Assert.Contains(room, updated.AllText(), StringComparison.Ordinal);
        Assert.Contains(OpenUrls(updated), u => u.EndsWith(".ics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmployeeMoves_VpGetsAMessageFromTo_OldCardSaysMovedWithoutButtons()
    {
        var (employee, _, _) = await BookAsync("Op kantoor");
        var vpConversation = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true).Conversation!.Id!;
        var before = TextsTo(vpConversation).Count;

        await employee.ClickAsync("Ander tijdstip");
        await employee.SubmitAsync(Conversation.FindAction(employee.LastCard, "Dit tijdstip")["data"]!.AsObject());

        var toVp = TextsTo(vpConversation);
        Assert.Equal(before + 1, toVp.Count);
        Assert.Matches("is verzet: van .+ naar .+", toVp[^1]);
        var vpUpdated = UpdatedCards(vpConversation).First();
        Assert.Contains("Verzet door de collega", vpUpdated.AllText(), StringComparison.Ordinal);
        Assert.Contains("Nieuwe tijd bevestigen", vpUpdated.AllText(), StringComparison.Ordinal);
        var oldCard = UpdatedCards(employee.ConversationId).First();
        Assert.Contains("Deze afspraak is verzet", oldCard.AllText(), StringComparison.Ordinal);
        Assert.Empty(oldCard.Verbs());
        Assert.Contains("booking.cancel", employee.LastCard.Verbs());
    }

    [Fact]
    public async Task EmployeeCancels_VpGetsAMessage_AndTheCardSaysCancelled()
    {
        var (employee, _, _) = await BookAsync("Op kantoor");
        var vpConversation = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true).Conversation!.Id!;

        await employee.ClickAsync("Afzeggen");
        await employee.ClickAsync("Ja, zeg af");

        Assert.Contains(TextsTo(vpConversation), t => t.Contains("is afgezegd", StringComparison.Ordinal));
        Assert.Contains("Deze afspraak gaat niet door", UpdatedCards(vpConversation).First().AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VpRefers_EmployeesBookedCardLosesItsButtons_AndTheTextPromisesNothing()
    {
        var (employee, vpChat, vpCard) = await BookAsync("Op kantoor");

        await vpChat.ExecuteAsync(vpCard, "Doorverwijzen");

        var updated = UpdatedCards(employee.ConversationId).First();
        Assert.Contains("Doorverwezen", updated.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("booking.cancel", updated.Verbs());
        Assert.DoesNotContain("booking.reschedule", updated.Verbs());
        var told = string.Join("\n", TextsTo(employee.ConversationId));
        Assert.DoesNotContain("betrokkenen kent", told, StringComparison.Ordinal);
        Assert.DoesNotContain("verhaal niet opnieuw", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingTurns_ShowTheTypingIndicatorBeforeCalendarWork()
    {
        var employee = new Conversation(_bot, _connector);
        await employee.SendAsync("afspraak maken");
        await employee.ClickAsync("Verder");
        await employee.ClickAsync("Kies Anna");

        var replies = await employee.ClickAsync("Op kantoor");

        Assert.Equal(ActivityTypes.Typing, replies[0].Type);
        Assert.Contains(replies, r => r.Attachments is { Count: > 0 });
    }

    [Fact]
    public async Task VpAsksForAppointments_GetsTheirOverview_NotTheEmployeesIntro()
    {
        var (_, vpChat, _) = await BookAsync("Op kantoor");

        await vpChat.SendAsync("afspraak maken");

        var home = vpChat.LastCard;
        Assert.Contains("Jouw afspraken via VP-wijzer", home.AllText(), StringComparison.Ordinal);
        Assert.Contains("nieuw: nog niet bevestigd", home.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("booking.continue", home.Verbs());

        await vpChat.ClickAsync("Open afspraak");
        Assert.Contains("Afspraak via VP-wijzer", vpChat.LastCard.AllText(), StringComparison.Ordinal);
        Assert.Contains("handoff.confirm", vpChat.LastCard.Verbs());

        await vpChat.SendAsync("afspraken");
        await vpChat.ClickAsync("Zelf een gesprek met een VP");
        Assert.Contains("booking.continue", vpChat.LastCard.Verbs());
    }

    [Fact]
    public async Task Employee_Afspraken_GetsTheBookingIntro()
    {
        var employee = new Conversation(_bot, _connector);

        await employee.SendAsync("afspraken");

        Assert.Contains("booking.continue", employee.LastCard.Verbs());
    }

    [Fact]
    public async Task VpOpensTheBot_WelcomeThenOverview()
    {
        var vpChat = new Conversation(_bot, _connector) { UserObjectId = Anna.ObjectId, UserName = Anna.DisplayName };

        var replies = await vpChat.TurnAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = vpChat.UserId }] });

        var cards = replies.Where(r => r.Attachments is { Count: > 0 }).Select(r => r.Attachments![0].Content!.Value.GetRawText()).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("Jouw afspraken via VP-wijzer", cards[1], StringComparison.Ordinal);
        Assert.Contains("geen komende afspraken", cards[1], StringComparison.Ordinal);
    }
}
