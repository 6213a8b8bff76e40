using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Handoff;
using VpWijzer.Protocol;
using VpWijzer.Scheduling;
using VpWijzer.Scheduling.Demo;
using VpWijzer.State;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Handoff;

/// <summary>Booking → VP card → each VP action → the right calendar change and the right message to the employee.</summary>
public sealed class HandoffTests : IAsyncLifetime
{
    private const string Sentinel = "SENTINEL-hand-9c1";
    private StandInConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await StandInConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Handoff:NoResponseAfter"] = "00:00:00", ["Bot:MicrosoftAppTenantId"] = "tenant-1" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private DemoCalendarService Demo => _bot.Services.GetRequiredService<DemoCalendarService>();

    private VpProfile Vp(string id) => _bot.Services.GetRequiredService<IVpDirectory>().Find(id)!;

    private async Task<(Conversation Employee, Conversation VpChat, JsonObject VpCard)> BookAsync(string vpButton = "Kies Anna", string vpId = "vp-anna", bool anonymous = true)
    {
        var employee = new Conversation(_bot, _connector) { UserName = "Eva Medewerker" };
        _connector.AddMember(employee.UserId, new TeamsChannelAccount { Id = employee.UserId, Name = employee.UserName, UserPrincipalName = "eva@gemeente.example", AadObjectId = employee.UserObjectId });
        await employee.SendAsync($"{Sentinel} mijn collega Piet pest me, ik wil een afspraak");
        await employee.SendAsync("afspraak maken");
        await employee.ClickAsync("Verder");
        await employee.ClickAsync(vpButton);
        await employee.ClickAsync("Op kantoor");
        await employee.ClickAsync("Dit tijdstip");
        await employee.ClickAsync(anonymous ? "Reservering zonder naam" : "Uitnodiging in mijn agenda");
        await employee.ClickAsync("Verder", new Dictionary<string, string> { ["shareTopic"] = "bullying", ["shareLanguage"] = "nl" });
        await employee.ClickAsync("Ja, maak de afspraak");

        var handoff = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
        var vp = Vp(vpId);
        var vpChat = new Conversation(_bot, _connector) { ConversationId = handoff.Conversation!.Id!, UserObjectId = vp.ObjectId, UserName = vp.DisplayName };
        return (employee, vpChat, JsonNode.Parse(handoff.Attachments![0].Content!.Value.GetRawText())!.AsObject());
    }

    [Fact]
    public async Task Booking_ProactiveConversationAndHandoffCard_WithoutTypedTextOrName()
    {
        var (_, _, card) = await BookAsync();

        var create = Assert.Single(_connector.Requests, r => r.Method == "POST" && r.Path == "/v3/conversations");
        Assert.Contains(Vp("vp-anna").ObjectId, create.Body, StringComparison.Ordinal);
        var text = card.AllText();
        Assert.Contains("een collega", text, StringComparison.Ordinal);
        Assert.Contains("Pesten", text, StringComparison.Ordinal);
        Assert.Contains("Verwijs dan door", text, StringComparison.Ordinal);
        Assert.Matches(@"op kantoor · Kamer \p{Lu}", text);
        Assert.DoesNotContain("kamer.", text, StringComparison.Ordinal);
        var everythingToVp = string.Join("\n", _connector.Requests.Where(r => r.Path.Contains("proactive", StringComparison.Ordinal) || r.Path == "/v3/conversations").Select(r => r.Body));
        Assert.DoesNotContain(Sentinel, everythingToVp, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", everythingToVp, StringComparison.Ordinal);
        Assert.DoesNotContain("Eva", everythingToVp, StringComparison.Ordinal);
        Assert.Equal("handoff.refresh", card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Contains(Conversation.Descendants(card), o => o["type"]?.GetValue<string>() == "Action.Execute" && o["fallback"]?["type"]?.GetValue<string>() == "Action.Submit");
    }

    [Fact]
    public async Task NamedInvite_NameOnlyInTheChosenVpsFirstCard()
    {
        var (employee, _, card) = await BookAsync(anonymous: false);

        Assert.Contains("Eva Medewerker", card.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Eva Medewerker", _bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(employee.UserObjectId, _bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VpConfirms_EmployeeToldAndCardUpdated_OnceOnly()
    {
        var (employee, vpChat, card) = await BookAsync();

        var response = await vpChat.ExecuteAsync(card, "Bevestigen");
        await vpChat.ExecuteAsync(card, "Bevestigen");

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Contains("bevestigd", response["value"]!.AsObject().AllText(), StringComparison.Ordinal);
        var toEmployee = _connector.Activities.Where(a => a.Conversation?.Id == employee.ConversationId && a.Text?.Contains("bevestigd", StringComparison.Ordinal) == true).ToList();
        Assert.Single(toEmployee);
        Assert.Contains(_connector.Requests, r => r.Method == "PUT" && r.Path.Contains(employee.ConversationId, StringComparison.Ordinal));
        Assert.Contains(_connector.Requests, r => r.Method == "PUT" && r.Path.Contains(vpChat.ConversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VpProposesOtherTime_EmployeeAccepts_EventMoved()
    {
        var (employee, vpChat, card) = await BookAsync();
        var before = Demo.EventCount;

        var slots = await vpChat.ExecuteAsync(card, "Ander tijdstip voorstellen");
        var proposed = await vpChat.ExecuteAsync(slots["value"]!.AsObject(), "Voorstellen");
        var proposal = _connector.Activities.Last(a => a.Conversation?.Id == employee.ConversationId && a.Attachments is { Count: > 0 });
        await employee.SubmitAsync(Conversation.FindAction(JsonNode.Parse(proposal.Attachments![0].Content!.Value.GetRawText())!.AsObject(), "Akkoord")["data"]!.AsObject());

        Assert.Contains("Je stelde een ander tijdstip voor", proposed["value"]!.AsObject().AllText(), StringComparison.Ordinal);
        Assert.Contains("Je afspraak is bevestigd", employee.LastCard.AllText(), StringComparison.Ordinal);
        Assert.Equal(before, Demo.EventCount);
    }

    [Fact]
    public async Task VpRefers_EventCancelled_EmployeeChoosesAnotherWithoutThatVp()
    {
        var (employee, vpChat, card) = await BookAsync();
        var before = Demo.EventCount;

        await vpChat.ExecuteAsync(card, "Doorverwijzen");
        var offer = _connector.Activities.Last(a => a.Conversation?.Id == employee.ConversationId && a.Attachments is { Count: > 0 });
        await employee.SubmitAsync(Conversation.FindAction(JsonNode.Parse(offer.Attachments![0].Content!.Value.GetRawText())!.AsObject(), "Andere VP kiezen")["data"]!.AsObject());

        Assert.Equal(before - 1, Demo.EventCount);
        Assert.Contains(_connector.Activities, a => a.Conversation?.Id == employee.ConversationId && a.Text?.Contains("collega-VP beter bij je past", StringComparison.Ordinal) == true);
        var gallery = employee.LastCard.AllText();
        Assert.Contains("Kies een vertrouwenspersoon", gallery, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna de Wit", gallery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VpCancels_EventGone_EmployeeGetsOptions()
    {
        var (employee, vpChat, card) = await BookAsync("Kies Joost", "vp-joost");
        var before = Demo.EventCount;

        var response = await vpChat.ExecuteAsync(card, "Annuleren");

        Assert.Equal(before - 1, Demo.EventCount);
        Assert.Contains("gaat niet door", response["value"]!.AsObject().AllText(), StringComparison.Ordinal);
        Assert.Contains(_connector.Activities, a => a.Conversation?.Id == employee.ConversationId && a.Text?.Contains("geannuleerd", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SomeoneElse_ActsOnTheVpCard_Refused()
    {
        var (_, _, card) = await BookAsync();
        var stranger = new Conversation(_bot, _connector);
        var before = Demo.EventCount;

        var response = await stranger.ExecuteAsync(card, "Annuleren");

        Assert.Contains("hoort niet bij jou", response["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, Demo.EventCount);
    }

    [Fact]
    public async Task NoResponse_EmployeeToldOnceAndMayChooseAnother()
    {
        var (employee, _, _) = await BookAsync();
        var handoff = _bot.Services.GetRequiredService<HandoffService>();

        var first = await handoff.CheckNoResponseAsync(CancellationToken.None);
        var second = await handoff.CheckNoResponseAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Contains(_connector.Activities, a => a.Conversation?.Id == employee.ConversationId && a.Text?.Contains("nog niet bevestigd", StringComparison.Ordinal) == true);
        Assert.Empty(_bot.Services.GetRequiredService<BookingStore>().OpenIds());
    }

    [Fact]
    public async Task NoResponse_RecordExpired_IdForgotten()
    {
        await BookAsync();
        var bookings = _bot.Services.GetRequiredService<BookingStore>();
        var id = Assert.Single(bookings.OpenIds());
        // What the state store's TTL does a day after the meeting (security review L6: the ids were kept for ever).
        await _bot.Services.GetRequiredService<IConversationStateStore>().RemoveAsync("booking:" + id, CancellationToken.None);

        var told = await _bot.Services.GetRequiredService<HandoffService>().CheckNoResponseAsync(CancellationToken.None);

        Assert.Equal(0, told);
        Assert.Empty(bookings.OpenIds());
    }

    [Fact]
    public async Task VpWritesToBot_ConversationRemembered_NoNewConversationCreated()
    {
        var vp = Vp("vp-sanne");
        var vpChat = new Conversation(_bot, _connector) { UserObjectId = vp.ObjectId };
        await vpChat.SendAsync("hallo");

        await BookAsync("Kies Sanne", "vp-sanne");

        Assert.DoesNotContain(_connector.Requests, r => r.Path == "/v3/conversations");
        Assert.Contains(_connector.Activities, a => a.Conversation?.Id == vpChat.ConversationId && a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(Channels.MsTeams, "groupChat", "tenant-1")]
    [InlineData(Channels.MsTeams, "channel", "tenant-1")]
    [InlineData(Channels.MsTeams, "personal", "other-tenant")]
    [InlineData(Channels.DirectLine, "personal", "tenant-1")]
    [InlineData("emulator", "personal", "tenant-1")]
    public async Task VpWritesFromAnywhereButAPersonalTeamsChatInOurTenant_NotRemembered(string channel, string conversationType, string tenant)
    {
        var vp = Vp("vp-sanne");
        var elsewhere = new Conversation(_bot, _connector, channel) { UserObjectId = vp.ObjectId, ConversationType = conversationType, TenantId = tenant };
        await elsewhere.SendAsync("hallo");

        await BookAsync("Kies Sanne", "vp-sanne");

        Assert.Contains(_connector.Requests, r => r.Path == "/v3/conversations");
        Assert.DoesNotContain(_connector.Activities, a => a.Conversation?.Id == elsewhere.ConversationId && a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
    }
}
