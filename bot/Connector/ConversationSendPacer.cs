using System.Collections.Concurrent;

namespace VpWijzer.Connector;

/// <summary>
/// Paces sends per conversation (a token bucket as a "generic cell rate": one theoretical arrival time per
/// conversation). Replaces one <c>TokenBucketRateLimiter</c> per conversation: those each ran a timer every
/// 1/rate seconds, even when full, and the idle sweep scanned every bucket on every send. Under load (issue 10)
/// that was ~20 % of the bot's CPU. Here a send costs one small lock; waiting sends get a reserved slot (so they
/// go out oldest first) and one delay; state idle long enough to be full again is swept at most once per interval.
/// </summary>
public sealed class ConversationSendPacer(double perSecond, int burst, int queueLimit, TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);
    private readonly long _interval = (long)(time.TimestampFrequency / perSecond);
    private readonly long _tolerance = (long)(time.TimestampFrequency / perSecond) * (burst - 1);
    private long _lastSweep = time.GetTimestamp();

    public int Count => _cells.Count;

    /// <summary>
    /// Waits until this conversation may send. False when <paramref name="queueLimit"/> sends already wait for it
    /// (the caller answers a local 429 rather than queueing without bound).
    /// </summary>
    public async ValueTask<bool> WaitTurnAsync(string conversationId, CancellationToken ct)
    {
        var now = time.GetTimestamp();
        SweepIfDue(now);
        var cell = _cells.GetOrAdd(conversationId, static _ => new Cell());
        long wait;
        lock (cell)
        {
            var tat = Math.Max(cell.TheoreticalArrival, now);
            wait = Math.Max(0, tat - _tolerance - now);
            if (wait > 0 && wait > _interval * queueLimit)
            {
                return false;
            }

            cell.TheoreticalArrival = tat + _interval;
        }

        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait / (double)time.TimestampFrequency), time, ct).ConfigureAwait(false);
        }

        return true;
    }

    private void SweepIfDue(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (time.GetElapsedTime(last, now) < SweepInterval || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        // A conversation whose theoretical arrival time has passed has a full bucket: the same as no entry at all.
        foreach (var (key, cell) in _cells)
        {
            if (Volatile.Read(ref cell.TheoreticalArrival) < now)
            {
                _cells.TryRemove(new KeyValuePair<string, Cell>(key, cell));
            }
        }
    }

    private sealed class Cell
    {
        public long TheoreticalArrival;
    }
}
