using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VpWijzer.Hosting;

/// <summary>
/// Per-conversation token buckets, so one conversation (or a script posing as one) cannot flood
/// the bot. Keys are held in memory only, and idle buckets are dropped.
/// </summary>
public sealed class ConversationRateLimiter(IOptions<EndpointOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, (TokenBucketRateLimiter Limiter, long LastUsed)> _buckets = new(StringComparer.Ordinal);

    public bool TryAcquire(string channelId, string conversationId)
    {
        var o = options.Value;
        if (o.PerConversationPerMinute == 0)
        {
            return true;
        }

        var now = time.GetTimestamp();
        var key = channelId + "\n" + conversationId;
        var entry = _buckets.AddOrUpdate(
            key,
            _ => (new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.PerConversationBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / o.PerConversationPerMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            }), now),
            (_, existing) => (existing.Limiter, now));
        if (_buckets.Count > 10_000)
        {
            foreach (var (k, v) in _buckets)
            {
                if (time.GetElapsedTime(v.LastUsed, now) > TimeSpan.FromMinutes(5) && _buckets.TryRemove(new KeyValuePair<string, (TokenBucketRateLimiter, long)>(k, v)))
                {
                    v.Limiter.Dispose();
                }
            }
        }

        using var lease = entry.Limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var (limiter, _) in _buckets.Values)
        {
            limiter.Dispose();
        }
    }
}
