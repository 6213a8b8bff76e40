using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VpWijzer.Hosting;

/// <summary>
/// Per-conversation token buckets, so one conversation (or a script posing as one) cannot flood
/// the bot. Keys are held in memory only. A bucket is refilled when it is used (no timers), and a
/// bucket that has been idle long enough to be full again is dropped: it is the same as a new one.
/// </summary>
public sealed class ConversationRateLimiter(IOptions<EndpointOptions> options, TimeProvider time)
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastPrune = time.GetTimestamp();

    /// <summary>Buckets currently held (for tests and the soak run).</summary>
    public int Count => _buckets.Count;

    public bool TryAcquire(string channelId, string conversationId)
    {
        var o = options.Value;
        if (o.PerConversationPerMinute == 0)
        {
            return true;
        }

        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(channelId + "\n" + conversationId, static (_, burst) => new Bucket(burst), (double)o.PerConversationBurst);
        bool acquired;
        lock (bucket)
        {
            var refill = time.GetElapsedTime(bucket.LastUsed, now).TotalMinutes * o.PerConversationPerMinute;
            bucket.Tokens = Math.Min(o.PerConversationBurst, bucket.Tokens + Math.Max(0, refill));
            bucket.LastUsed = now;
            acquired = bucket.Tokens >= 1;
            if (acquired)
            {
                bucket.Tokens -= 1;
            }
        }

        PruneIfDue(now, TimeSpan.FromMinutes((double)o.PerConversationBurst / o.PerConversationPerMinute));
        return acquired;
    }

    private void PruneIfDue(long now, TimeSpan refillTime)
    {
        var last = Interlocked.Read(ref _lastPrune);
        if (time.GetElapsedTime(last, now) < PruneEvery || Interlocked.CompareExchange(ref _lastPrune, now, last) != last)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (time.GetElapsedTime(Volatile.Read(ref bucket.LastUsed), now) > refillTime)
            {
                _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
            }
        }
    }

    private sealed class Bucket(double tokens)
    {
        public double Tokens = tokens;
        public long LastUsed;
    }
}
