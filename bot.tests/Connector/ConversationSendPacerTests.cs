using System.Diagnostics;
using VpWijzer.Connector;

namespace VpWijzer.Tests.Connector;

public sealed class ConversationSendPacerTests
{
    [Fact]
    public async Task Burst_GoesOutAtOnce_ThenOnePerInterval_OtherConversationUnaffected()
    {
        var pacer = new ConversationSendPacer(perSecond: 10, burst: 3, queueLimit: 100, TimeProvider.System);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await pacer.WaitTurnAsync("a", CancellationToken.None));
        }

        var burst = clock.Elapsed;
        var paced = Enumerable.Range(0, 3).Select(_ => pacer.WaitTurnAsync("a", CancellationToken.None).AsTask()).ToList();
        var other = Stopwatch.StartNew();
        Assert.True(await pacer.WaitTurnAsync("b", CancellationToken.None));
        var otherElapsed = other.Elapsed;
        Assert.All(await Task.WhenAll(paced), Assert.True);

        Assert.True(burst < TimeSpan.FromMilliseconds(50), $"burst took {burst}");
        Assert.True(otherElapsed < TimeSpan.FromMilliseconds(50), $"other conversation waited {otherElapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(270), $"3 sends beyond the burst at 10/s took only {clock.Elapsed}");
    }

    [Fact]
    public async Task QueueFull_RefusedAtOnce_WaitingSendsKeepTheirPlace()
    {
        var pacer = new ConversationSendPacer(perSecond: 1, burst: 1, queueLimit: 2, TimeProvider.System);
        using var cts = new CancellationTokenSource();

        Assert.True(await pacer.WaitTurnAsync("a", cts.Token));
        var second = pacer.WaitTurnAsync("a", cts.Token).AsTask();
        var third = pacer.WaitTurnAsync("a", cts.Token).AsTask();
        var fourth = pacer.WaitTurnAsync("a", cts.Token);

        Assert.True(fourth.IsCompleted);
        Assert.False(await fourth);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Fact]
    public async Task ManyConversations_StateSweptOnceFull()
    {
        var time = new SteppedTime();
        var pacer = new ConversationSendPacer(perSecond: 7, burst: 4, queueLimit: 100, time);
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(await pacer.WaitTurnAsync("c" + i, CancellationToken.None));
        }

        Assert.Equal(5000, pacer.Count);
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await pacer.WaitTurnAsync("later", CancellationToken.None));

        Assert.Equal(1, pacer.Count);
    }

    /// <summary>Only the clock moves by hand; no timers are needed because nothing waits in this test.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _now = 1_000_000;

        public override long TimestampFrequency => Stopwatch.Frequency;

        public override long GetTimestamp() => _now;

        public void Advance(TimeSpan by) => _now += (long)(by.TotalSeconds * Stopwatch.Frequency);
    }
}
