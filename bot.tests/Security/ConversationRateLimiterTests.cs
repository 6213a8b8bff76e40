using Microsoft.Extensions.Options;
using VpWijzer.Hosting;

namespace VpWijzer.Tests.Security;

public sealed class ConversationRateLimiterTests
{
    private static ConversationRateLimiter Create(SteppedTime time, int perMinute = 60, int burst = 3) =>
        new(Options.Create(new EndpointOptions { PerConversationPerMinute = perMinute, PerConversationBurst = burst }), time);

    [Fact]
    public void TryAcquire_BurstThenRefillsWithTime()
    {
        var time = new SteppedTime();
        var limiter = Create(time);

        var burst = Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire("msteams", "a")).ToList();
        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = limiter.TryAcquire("msteams", "a");

        Assert.Equal([true, true, true, false], burst);
        Assert.True(afterOneSecond);
        Assert.True(limiter.TryAcquire("msteams", "other"), "another conversation has its own bucket");
    }

    [Fact]
    public void IdleBuckets_Dropped_SoManyConversationsDoNotGrowMemory()
    {
        var time = new SteppedTime();
        var limiter = Create(time);
        for (var i = 0; i < 5000; i++)
        {
            limiter.TryAcquire("msteams", "c" + i);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire("msteams", "new");

        Assert.Equal(1, limiter.Count);
    }

    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
