using System.Net;
using StackExchange.Redis;
using VpWijzer.State;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.State;

public sealed class RedisStateTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private StandInConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connector = await StandInConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private Task<BotHost> StartBotAsync() => BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["State:Store"] = "Redis",
        ["State:RedisConnection"] = _redis.Connection,
    });

    [Fact]
    public async Task Store_SetGetRemove_WithTtlOnEveryWrite()
    {
        using var mux = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        var store = new RedisConversationStateStore(mux);

        await store.SetAsync("k1", [1, 2, 3], TimeSpan.FromMinutes(30), CancellationToken.None);
        var value = await store.GetAsync("k1", CancellationToken.None);
        var ttl = await mux.GetDatabase().KeyTimeToLiveAsync("vpw:k1");
        await store.RemoveAsync("k1", CancellationToken.None);

        Assert.Equal([1, 2, 3], value);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.Null(await store.GetAsync("k1", CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstances_ShareOneConversation_Alternately()
    {
        await using var a = await StartBotAsync();
        await using var b = await StartBotAsync();
        var onA = new Conversation(a, _connector);
        var onB = new Conversation(b, _connector) { ConversationId = onA.ConversationId, UserId = onA.UserId, UserObjectId = onA.UserObjectId };

        await onA.SendAsync("check");
        await onB.SubmitAsync(Conversation.FindAction(onA.LastCard, "Mijn leidinggevende")["data"]!.AsObject());
        await onA.SubmitAsync(Conversation.FindAction(onB.LastCard, "Ja, vaker")["data"]!.AsObject());

        Assert.Contains("Heeft het iets seksueels?", onA.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisDown_ClearMessageAndNotReady_RecoversByItself()
    {
        await using var bot = await StartBotAsync();
        var chat = new Conversation(bot, _connector);
        await chat.SendAsync("help");

        await _redis.StopProcessAsync();
        using var notReady = await bot.Http.GetAsync("/readyz");
        await chat.SendAsync("wat is pesten");
        var whileDown = chat.LastText;
        await _redis.StartProcessAsync();
        HttpStatusCode readyAgain = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 100 && readyAgain != HttpStatusCode.OK; i++)
        {
            using var probe = await bot.Http.GetAsync("/readyz");
            readyAgain = probe.StatusCode;
            if (readyAgain != HttpStatusCode.OK)
            {
                Thread.Sleep(100);
            }
        }

        await chat.SendAsync("wat is pesten");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("niet om ons gesprek bij te houden", whileDown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, readyAgain);
        Assert.Equal("Pesten", chat.LastCard.Title());
    }

    [Fact]
    public async Task RedisContents_AfterFlows_NoTextNamesOrIds()
    {
        await using var bot = await StartBotAsync();
        var chat = new Conversation(bot, _connector) { UserName = "Sentinel Naam-7c" };

        await chat.SendAsync("SENTINEL-redis-3a mijn collega pest me");
        await chat.SendAsync("check");
        await chat.ClickAsync("Een collega");
        await chat.BookAnonymouslyAsync();

        var stored = string.Join("\n", await _redis.DumpValuesAsync());
        Assert.Contains("Je afspraak staat", chat.LastCard.AllText(), StringComparison.Ordinal);
        Assert.NotEmpty(stored);
        Assert.DoesNotContain("SENTINEL-redis-3a", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinel Naam-7c", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.UserObjectId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("pest", stored, StringComparison.Ordinal);
    }
}
