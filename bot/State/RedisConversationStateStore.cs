using StackExchange.Redis;

namespace VpWijzer.State;

/// <summary>Thrown when the state store cannot be reached; the turn tells the user kindly and stores nothing.</summary>
public sealed class StateStoreUnavailableException : Exception
{
    public StateStoreUnavailableException()
    {
    }

    public StateStoreUnavailableException(string message)
        : base(message)
    {
    }

    public StateStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// State in Redis for scale-out: the same opaque keys and bytes as the memory store, each with
/// its TTL set on every write, so idle conversations disappear by themselves. The multiplexer
/// reconnects on its own; while Redis is away, calls fail fast with <see cref="StateStoreUnavailableException"/>.
/// </summary>
public sealed class RedisConversationStateStore(IConnectionMultiplexer redis) : IConversationStateStore
{
    private const string Prefix = "vpw:";

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Prefix + key).ConfigureAwait(false);
            return value.IsNull ? null : (byte[]?)value;
        }
        catch (RedisException ex)
        {
            throw new StateStoreUnavailableException("Redis could not be reached.", ex);
        }
    }

    public async Task SetAsync(string key, byte[] value, TimeSpan ttl, CancellationToken ct)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Prefix + key, value, ttl).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            throw new StateStoreUnavailableException("Redis could not be reached.", ex);
        }
    }

    public async Task RemoveAsync(string key, CancellationToken ct)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Prefix + key).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            throw new StateStoreUnavailableException("Redis could not be reached.", ex);
        }
    }

    public async Task<bool> IsReachableAsync(CancellationToken ct)
    {
        try
        {
            await redis.GetDatabase().PingAsync().ConfigureAwait(false);
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }
}
