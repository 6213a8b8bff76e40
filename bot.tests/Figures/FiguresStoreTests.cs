using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using VpWijzer.Figures;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Figures;

public sealed class FiguresStoreTests : IAsyncLifetime
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

    [Fact]
    public async Task FileStore_ConcurrentIncrementsFromTwoInstances_NoneLost_FileAlwaysValid()
    {
        var path = Path.Combine(Path.GetTempPath(), "vpw-figures-" + Guid.NewGuid().ToString("N"), "figures.json");
        var a = new FileFiguresStore(path);
        var b = new FileFiguresStore(path);
        try
        {
            var one = new Dictionary<string, long> { ["question|teams|bullying"] = 1, ["selfcheck|teams"] = 2 };
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).IncrementAsync("2026-11", one, CancellationToken.None))));

            var counts = await new FileFiguresStore(path).ReadMonthAsync("2026-11", CancellationToken.None);
            Assert.Equal(40, counts["question|teams|bullying"]);
            Assert.Equal(80, counts["selfcheck|teams"]);
            Assert.Equal(["2026-11"], await a.MonthsAsync(CancellationToken.None));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task RedisStore_HashPerMonth_AtomicIncrements_KeptForYears()
    {
        using var mux = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        var store = new RedisFiguresStore(mux);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.IncrementAsync("2026-10", new Dictionary<string, long> { ["crisis|teams"] = 1, ["minutes|vp-anna"] = 60 }, CancellationToken.None)));

        var counts = await store.ReadMonthAsync("2026-10", CancellationToken.None);
        Assert.Equal(20, counts["crisis|teams"]);
        Assert.Equal(1200, counts["minutes|vp-anna"]);
        Assert.Contains("2026-10", await store.MonthsAsync(CancellationToken.None));
        var ttl = await mux.GetDatabase().KeyTimeToLiveAsync("figures:2026-10");
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(3 * 365), TimeSpan.FromDays(4 * 365));
    }

    [Fact]
    public async Task BotWithRedisState_CountsInRedis()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["State:Store"] = "Redis", ["State:RedisConnection"] = _redis.Connection });
        var chat = new Conversation(bot, _connector);

        await chat.SendAsync("wat is discriminatie?");
        await bot.Services.GetRequiredService<FiguresRecorder>().FlushAsync(TimeSpan.FromSeconds(10));

        Assert.IsType<RedisFiguresStore>(bot.Services.GetRequiredService<IFiguresStore>());
        using var mux = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        var month = FigureKeys.Month(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var fields = await mux.GetDatabase().HashGetAllAsync("figures:" + month);
        Assert.Contains(fields, f => f.Name.ToString().StartsWith("question|teams|", StringComparison.Ordinal) && (long)f.Value >= 1);
    }

    [Fact]
    public async Task FiguresStoreDown_TheTurnStillWorks_WarningWithoutAnyCount()
    {
        await _redis.StopProcessAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:Store"] = "Redis", ["State:RedisConnection"] = _redis.Connection });
        var chat = new Conversation(bot, _connector);

        await chat.SendAsync("wat is pesten?");
        await bot.Services.GetRequiredService<FiguresRecorder>().FlushAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(System.Net.HttpStatusCode.OK, chat.LastStatus);
        Assert.Contains("Pesten", chat.LastCard.Title(), StringComparison.Ordinal);
        var warning = Assert.Single(bot.Logs.Lines, l => l.Contains("Figures could not be stored", StringComparison.Ordinal));
        Assert.DoesNotContain("question", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("bullying", warning, StringComparison.Ordinal);
    }
}
