using System.Collections.Concurrent;

namespace VpWijzer.Hosting;

/// <summary>
/// One turn at a time per conversation on this instance, so two quick clicks cannot both read the
/// same state and overwrite each other. Keys are held only while a turn runs.
/// </summary>
public sealed class ConversationTurnLock
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string channelId, string conversationId, CancellationToken ct)
    {
        var key = channelId + "\n" + conversationId;
        while (true)
        {
            var gate = _gates.GetOrAdd(key, _ => new Gate());
            lock (gate)
            {
                if (gate.Retired)
                {
                    continue;
                }

                gate.Users++;
            }

            try
            {
                await gate.Semaphore.WaitAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                Release(key, gate, entered: false);
                throw;
            }

            return new Holder(this, key, gate);
        }
    }

    private void Release(string key, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (gate)
        {
            gate.Users--;
            if (gate.Users == 0)
            {
                gate.Retired = true;
                _gates.TryRemove(new KeyValuePair<string, Gate>(key, gate));
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class Holder(ConversationTurnLock owner, string key, Gate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(key, gate, entered: true);
            }
        }
    }
}
