using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VpWijzer.Chat;

/// <summary>
/// Tokens for the Direct Line channel: <c>base64url(conversationId | expiry | 128-bit nonce) "." base64url(HMAC-SHA256)</c>.
/// Bound to one conversation, short-lived, and nothing to store: refreshing issues a new one.
/// The key comes from <see cref="ChatOptions.TokenKey"/> or is random per process.
/// </summary>
public sealed class DirectLineTokens
{
    private const int NonceBytes = 16;
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokens(IOptions<ChatOptions> options, TimeProvider time)
    {
        _time = time;
        _lifetime = options.Value.TokenLifetime;
        _key = string.IsNullOrEmpty(options.Value.TokenKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(options.Value.TokenKey);
        if (_key.Length < 32)
        {
            throw new OptionsValidationException(ChatOptions.Section, typeof(ChatOptions), ["Chat:TokenKey must be at least 32 bytes (base64)."]);
        }
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(string conversationId)
    {
        var id = Encoding.UTF8.GetBytes(conversationId);
        var payload = new byte[1 + id.Length + 8 + NonceBytes];
        payload[0] = checked((byte)id.Length);
        id.CopyTo(payload, 1);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1 + id.Length), _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(payload.AsSpan(1 + id.Length + 8));
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The conversation the token belongs to, or null when it is forged, malformed or expired.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var mac))
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), mac))
        {
            return null;
        }

        var idLength = payload.Length > 0 ? payload[0] : -1;
        if (idLength <= 0 || payload.Length != 1 + idLength + 8 + NonceBytes)
        {
            return null;
        }

        var expires = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1 + idLength));
        return _time.GetUtcNow().ToUnixTimeSeconds() >= expires ? null : Encoding.UTF8.GetString(payload, 1, idLength);
    }

    /// <summary>The token from <c>Authorization: Bearer ...</c>, or null.</summary>
    public static string? FromHeader(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        bytes = new byte[s.Length];
        if (Convert.TryFromBase64String(s, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
