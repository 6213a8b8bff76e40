using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VpWijzer.State;

/// <summary>Loads and saves <see cref="ConversationState"/> under a salted hash of the conversation id.</summary>
public sealed class ConversationStateAccessor(IConversationStateStore store, IOptions<StateOptions> options)
{
    private readonly byte[] _salt = Encoding.UTF8.GetBytes(options.Value.KeySalt);
    private readonly TimeSpan _ttl = options.Value.IdleTtl;

    /// <summary>The store key for a conversation: HMAC-SHA256, so the id itself is never stored.</summary>
    public string KeyFor(string channelId, string conversationId)
    {
        var mac = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(channelId + "\n" + conversationId));
        return "conv:" + Convert.ToHexStringLower(mac);
    }

    public async Task<ConversationState> LoadAsync(string key, CancellationToken ct)
    {
        var bytes = await store.GetAsync(key, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return new ConversationState();
        }

        try
        {
            var state = JsonSerializer.Deserialize(bytes, StateJsonContext.Default.ConversationState);
            return state is { Version: 1 } ? state : new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
    }

    public Task SaveAsync(string key, ConversationState state, CancellationToken ct) =>
        store.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.ConversationState), _ttl, ct);

    public Task DeleteAsync(string key, CancellationToken ct) => store.RemoveAsync(key, ct);

    /// <summary>Notes that a reply did not arrive, so the next turn can say so.</summary>
    public async Task MarkUndeliveredAsync(string key, CancellationToken ct)
    {
        var state = await LoadAsync(key, ct).ConfigureAwait(false);
        state.Undelivered = true;
        await SaveAsync(key, state, ct).ConfigureAwait(false);
    }
}
