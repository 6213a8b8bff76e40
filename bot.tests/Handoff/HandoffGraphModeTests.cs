using System.Text.Json.Nodes;
using VpWijzer.Protocol;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Handoff;

/// <summary>The whole path in Graph mode: booking through the cards → Graph event → VP card → VP action → Graph change.</summary>
public sealed class HandoffGraphModeTests : IAsyncLifetime
{
    private StandInGraph _graph = null!;
    private StandInConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await StandInGraph.StartAsync();
        _graph.AddRoom("kamer.linde@gemeente.example", "Kamer Linde", 4, "vp-geschikt");
        _graph.AddRoom("aquarium@gemeente.example", "Aquarium", 4, "vp-geschikt", "glazen-wand");
        _connector = await StandInConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Scheduling:Mode"] = "Graph",
            ["Scheduling:Graph:BaseUrl"] = _graph.BaseUrl,
            ["Scheduling:Graph:Anonymous"] = "true",
            ["Scheduling:Graph:RetryDelaySeconds"] = "0",
            ["Scheduling:Graph:AttemptTimeout"] = "00:00:00.500",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task<(Conversation Employee, Conversation Vp, JsonObject Card)> BookAsync()
    {
        var employee = new Conversation(_bot, _connector);
        await employee.SendAsync("SENTINEL-graph-55 ik wil met iemand praten over mijn leidinggevende");
        await employee.BookAnonymouslyAsync(modeButton: "Op kantoor");
        var handoff = _connector.Activities.Last(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText().Contains("Afspraak via VP-wijzer", StringComparison.Ordinal) == true);
        var vp = new Conversation(_bot, _connector) { ConversationId = handoff.Conversation!.Id!, UserObjectId = "00000000-0000-0000-0000-0000000000a1" };
        return (employee, vp, JsonNode.Parse(handoff.Attachments![0].Content!.Value.GetRawText())!.AsObject());
    }

    [Fact]
    public async Task Booking_OneGraphEvent_PrivateWithEligibleRoom_NoUserTextAnywhereInGraph()
    {
        var (employee, _, _) = await BookAsync();

        var e = Assert.Single(_graph.Events);
        Assert.Equal("private", e["sensitivity"]!.GetValue<string>());
        Assert.Equal("kamer.linde@gemeente.example", e["location"]!["locationEmailAddress"]!.GetValue<string>());
        Assert.Contains("Je afspraak staat", employee.LastCard.AllText(), StringComparison.Ordinal);
        var allGraph = string.Join("\n", _graph.Requests.Select(r => r.Path + r.Query + r.Body));
        Assert.DoesNotContain("SENTINEL-graph-55", allGraph, StringComparison.Ordinal);
        Assert.DoesNotContain("leidinggevende", allGraph, StringComparison.Ordinal);
        Assert.DoesNotContain(employee.UserName, allGraph, StringComparison.Ordinal);
        Assert.DoesNotContain("aquarium", allGraph.Replace("\"aquarium@gemeente.example\"", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task VpCancels_GraphEventDeleted()
    {
        var (_, vp, card) = await BookAsync();

        await vp.ExecuteAsync(card, "Annuleren");

        Assert.Contains(_graph.Requests, r => r.Method == "DELETE");
        Assert.Empty(_graph.Events);
    }

    [Fact]
    public async Task VpProposes_EmployeeAccepts_GraphEventPatched()
    {
        var (employee, vp, card) = await BookAsync();
        var before = _graph.Events[0]["start"]!["dateTime"]!.GetValue<string>();

        var slots = await vp.ExecuteAsync(card, "Ander tijdstip voorstellen");
        await vp.ExecuteAsync(slots["value"]!.AsObject(), "Voorstellen");
        var proposal = _connector.Activities.Last(a => a.Conversation?.Id == employee.ConversationId && a.Attachments is { Count: > 0 });
        await employee.SubmitAsync(Conversation.FindAction(JsonNode.Parse(proposal.Attachments![0].Content!.Value.GetRawText())!.AsObject(), "Akkoord")["data"]!.AsObject());

        Assert.Contains(_graph.Requests, r => r.Method == "PATCH");
        Assert.NotEqual(before, _graph.Events[0]["start"]!["dateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task VpRefers_GraphEventDeleted_EmployeeOffered()
    {
        var (employee, vp, card) = await BookAsync();

        await vp.ExecuteAsync(card, "Doorverwijzen");

        Assert.Empty(_graph.Events);
        Assert.Contains(_connector.Activities, a => a.Conversation?.Id == employee.ConversationId && a.Text?.Contains("collega-VP beter bij je past", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task GraphDown_ClearMessageNothingBooked()
    {
        var employee = new Conversation(_bot, _connector);
        await employee.SendAsync("afspraak maken");
        await employee.ClickAsync("Verder");
        await employee.ClickAsync("Kies Anna");
        _graph.FaultRate = 1.0;

        await employee.ClickAsync("Telefonisch");

        Assert.Contains("agenda's nu even niet bekijken", employee.LastText, StringComparison.Ordinal);
        Assert.Empty(_graph.Events);
    }
}
