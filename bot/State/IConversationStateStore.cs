namespace VpWijzer.State;

/// <summary>
/// Stores small opaque blobs under opaque keys with an idle TTL. Keys are hashes, never raw
/// conversation or user ids; values are <see cref="ConversationState"/> JSON (ids and enums only).
/// </summary>
public interface IConversationStateStore
{
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Stores the value; it expires after <paramref name="ttl"/> without a new write.</summary>
    Task SetAsync(string key, byte[] value, TimeSpan ttl, CancellationToken ct);

    Task RemoveAsync(string key, CancellationToken ct);

    /// <summary>True when the store can be reached (for <c>/readyz</c>).</summary>
    Task<bool> IsReachableAsync(CancellationToken ct);
}
