using System.Net;
using System.Text;
using System.Text.Json;
using VpWijzer.Protocol;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Hosting;

public sealed class ActivityEndpointTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task Healthz_Running_200()
    {
        using var response = await fixture.Bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_ContentLoadedAndMemoryStore_200()
    {
        using var response = await fixture.Bot.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_PlaygroundProbe_200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/messages");

        using var response = await fixture.Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Message_TeamsShaped_ReplyPostedToReplyToActivityUrl()
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync("help");

        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
        var request = fixture.Connector.Requests.Last(r => r.Activity?.Conversation?.Id == chat.ConversationId);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{chat.ConversationId}/activities/msg-1", request.Path);
        Assert.Null(request.Authorization);
        Assert.Equal("msg-1", request.Activity!.ReplyToId);
        Assert.Equal(ContentTypes.AdaptiveCard, request.Activity.Attachments![0].ContentType);
    }

    [Fact]
    public async Task MalformedJson_400WithoutStackTrace()
    {
        using var response = await fixture.Bot.PostRawAsync("{\"type\": \"message\", \"text\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("at VpWijzer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTypes_400()
    {
        using var response = await fixture.Bot.PostRawAsync("{\"type\": 42, \"conversation\": \"x\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BodyOver256KB_413()
    {
        var text = new string('a', 300 * 1024);
        var body = JsonSerializer.Serialize(new { type = "message", text });

        using var response = await fixture.Bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnknownActivityType_200AndNoReply()
    {
        var chat = fixture.NewConversation();

        var replies = await chat.TurnAsync(new Activity { Type = "messageReaction" });

        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
        Assert.Empty(replies);
    }

    [Fact]
    public async Task Typing_200AndNoReply()
    {
        var chat = fixture.NewConversation();

        var replies = await chat.TurnAsync(new Activity { Type = ActivityTypes.Typing });

        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
        Assert.Empty(replies);
    }

    [Fact]
    public async Task DevelopmentMode_ServiceUrlNotOnThisMachine_403AndNothingSent()
    {
        var before = fixture.Connector.Requests.Count;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "help",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            ChannelId = Channels.MsTeams,
            Conversation = new ConversationAccount { Id = "c-remote" },
            From = new ChannelAccount { Id = "u" },
        };

        using var response = await fixture.Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, fixture.Connector.Requests.Count);
    }

    [Fact]
    public async Task Invoke_UniversalAction_200WithInvokeResponseBody()
    {
        var chat = fixture.NewConversation();
        var value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"core.help","data":{"verb":"core.help"}},"trigger":"manual"}""").RootElement;

        await chat.TurnAsync(new Activity { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction, Value = value });

        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
        using var body = JsonDocument.Parse(chat.LastInvokeBody!);
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task ConversationUpdate_BotAdded_WelcomeCardOnce()
    {
        var chat = fixture.NewConversation();

        var first = await chat.StartAsync();
        var welcome = chat.LastCard;
        var again = await chat.StartAsync();

        Assert.Single(first);
        Assert.Contains("VP-wijzer", welcome.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("bewaar niets", welcome.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(again);
    }
}

public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private StandInConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await StandInConnector.StartAsync();
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Connector:RetryBaseDelay"] = "00:00:00", ["Connector:AttemptTimeout"] = "00:00:01" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Reply_429WithRetryAfterThenOk_DeliveredOnSecondAttempt()
    {
        _connector.Enqueue(new ScriptedFault(429, RetryAfter: "0"));
        var chat = new Conversation(_bot, _connector);

        await chat.SendAsync("help");

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Single(chat.LastReplies);
    }

    [Fact]
    public async Task Reply_503Twice_DeliveredOnThirdAttempt()
    {
        _connector.Enqueue(new ScriptedFault(503), new ScriptedFault(503));
        var chat = new Conversation(_bot, _connector);

        await chat.SendAsync("help");

        Assert.Equal(3, _connector.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
    }

    [Fact]
    public async Task Reply_HangingAttempt_TimedOutAndRetried()
    {
        _connector.Enqueue(new ScriptedFault(0, Hang: true));
        var chat = new Conversation(_bot, _connector);

        await chat.SendAsync("help");

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
    }

    [Fact]
    public async Task Reply_AlwaysFailing_BoundedAttemptsAndNoCrash()
    {
        _connector.Enqueue(Enumerable.Repeat(new ScriptedFault(503), 10).ToArray());
        var chat = new Conversation(_bot, _connector);

        await chat.SendAsync("help");

        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task Reply_NeverDelivered_UserToldOnNextTurn()
    {
        _connector.Enqueue(Enumerable.Repeat(new ScriptedFault(503), 4).ToArray());
        var chat = new Conversation(_bot, _connector);
        await chat.SendAsync("help");

        await chat.SendAsync("menu");

        Assert.Contains("niet bij je aangekomen", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("VP-wijzer", chat.LastCard.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_400_NotRetried()
    {
        _connector.Enqueue(new ScriptedFault(400));
        var chat = new Conversation(_bot, _connector);

        await chat.SendAsync("help");

        Assert.Single(_connector.Requests);
    }
}
