using System.Collections.Concurrent;

namespace VpWijzer.State;

/// <summary>In-process store with idle expiry; entries are swept lazily on access and by <see cref="Sweep"/>.</summary>
public sealed class MemoryConversationStateStore(TimeProvider time) : IConversationStateStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > time.GetUtcNow())
            {
                return Task.FromResult<byte[]?>(entry.Value);
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        return Task.FromResult<byte[]?>(null);
    }

    public Task SetAsync(string key, byte[] value, TimeSpan ttl, CancellationToken ct)
    {
        _entries[key] = new Entry(value, time.GetUtcNow() + ttl);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string key, CancellationToken ct)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<bool> IsReachableAsync(CancellationToken ct) => Task.FromResult(true);

    /// <summary>Removes expired entries; returns how many were removed.</summary>
    public int Sweep()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now && _entries.TryRemove(pair))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>A copy of every stored value, for the privacy tests.</summary>
    public IReadOnlyList<byte[]> SnapshotValues() => _entries.Values.Select(e => e.Value).ToList();

    private sealed record Entry(byte[] Value, DateTimeOffset ExpiresAt);
}
