using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace VpWijzer.Figures;

/// <summary>Monthly counters: field → count. Increments are atomic; nothing else is ever stored.</summary>
public interface IFiguresStore
{
    Task IncrementAsync(string month, IReadOnlyDictionary<string, long> deltas, CancellationToken ct);

    Task<IReadOnlyDictionary<string, long>> ReadMonthAsync(string month, CancellationToken ct);

    /// <summary>Every month that has counters (for the privacy checks and tooling).</summary>
    Task<IReadOnlyList<string>> MonthsAsync(CancellationToken ct);
}

/// <summary>In memory: for tests, and gone when the process stops.</summary>
public sealed class MemoryFiguresStore : IFiguresStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _months = new(StringComparer.Ordinal);

    public Task IncrementAsync(string month, IReadOnlyDictionary<string, long> deltas, CancellationToken ct)
    {
        var hash = _months.GetOrAdd(month, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        foreach (var (field, delta) in deltas)
        {
            hash.AddOrUpdate(field, delta, (_, old) => old + delta);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> ReadMonthAsync(string month, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(_months.TryGetValue(month, out var hash) ? new Dictionary<string, long>(hash, StringComparer.Ordinal) : new Dictionary<string, long>());

    public Task<IReadOnlyList<string>> MonthsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>(_months.Keys.Order(StringComparer.Ordinal).ToList());
}

/// <summary>
/// A small JSON file (demo mode): { "2026-11": { "question|teams|bullying": 3 } }. Every increment
/// reads, changes and rewrites the file under a lock (in-process and a lock file across
/// processes), writing a temporary file first and renaming it, so the file is never half-written.
/// </summary>
public sealed class FileFiguresStore(string path) : IFiguresStore
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly string _path = Path.GetFullPath(path);

    public string FilePath => _path;

    public async Task IncrementAsync(string month, IReadOnlyDictionary<string, long> deltas, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(_path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using var crossProcess = await LockFileAsync(ct).ConfigureAwait(false);
            var all = await LoadAsync(ct).ConfigureAwait(false);
            if (!all.TryGetValue(month, out var hash))
            {
                all[month] = hash = new SortedDictionary<string, long>(StringComparer.Ordinal);
            }

            foreach (var (field, delta) in deltas)
            {
                hash[field] = hash.TryGetValue(field, out var old) ? old + delta : delta;
            }

            var temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(all, FiguresJsonContext.Default.SortedDictionaryStringSortedDictionaryStringInt64), ct).ConfigureAwait(false);
            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, long>> ReadMonthAsync(string month, CancellationToken ct)
    {
        var all = await LoadAsync(ct).ConfigureAwait(false);
        return all.TryGetValue(month, out var hash) ? new Dictionary<string, long>(hash, StringComparer.Ordinal) : new Dictionary<string, long>();
    }

    public async Task<IReadOnlyList<string>> MonthsAsync(CancellationToken ct) => (await LoadAsync(ct).ConfigureAwait(false)).Keys.ToList();

    private async Task<SortedDictionary<string, SortedDictionary<string, long>>> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(_path))
        {
            return new(StringComparer.Ordinal);
        }

        var bytes = await File.ReadAllBytesAsync(_path, ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, FiguresJsonContext.Default.SortedDictionaryStringSortedDictionaryStringInt64) ?? new(StringComparer.Ordinal);
    }

    private async Task<FileStream> LockFileAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(_path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(10, ct).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Redis: one hash per month ("figures:2026-11"), HINCRBY per field; kept for 37 months.</summary>
public sealed class RedisFiguresStore(IConnectionMultiplexer redis) : IFiguresStore
{
    private const string Prefix = "figures:";
    private static readonly TimeSpan Keep = TimeSpan.FromDays(37 * 31);

    public async Task IncrementAsync(string month, IReadOnlyDictionary<string, long> deltas, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var tx = db.CreateTransaction();
        var pending = deltas.Select(d => (Task)tx.HashIncrementAsync(Prefix + month, d.Key, d.Value)).ToList();
        pending.Add(tx.KeyExpireAsync(Prefix + month, Keep));
        if (!await tx.ExecuteAsync().ConfigureAwait(false))
        {
            throw new RedisException("The figures transaction was not executed.");
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, long>> ReadMonthAsync(string month, CancellationToken ct)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(Prefix + month).ConfigureAwait(false);
        return entries.ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> MonthsAsync(CancellationToken ct)
    {
        var months = new List<string>();
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var key in redis.GetServer(endpoint).KeysAsync(pattern: Prefix + "*").ConfigureAwait(false))
            {
                months.Add(key.ToString()[Prefix.Length..]);
            }
        }

        return months.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(SortedDictionary<string, SortedDictionary<string, long>>))]
internal sealed partial class FiguresJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
