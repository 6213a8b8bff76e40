using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using VpWijzer.State;

namespace VpWijzer.Figures;

/// <summary>What a chart or CSV link carries: the already protected report, its language and when the link expires.</summary>
public sealed record SealedFigures(FiguresReport Report, Language Language, long ExpiresUnix);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SealedFigures))]
internal sealed partial class SealedFiguresJsonContext : JsonSerializerContext;

/// <summary>
/// Short-lived, unguessable links to the chart (PNG) and the CSV of a figures card. The token is
/// the protected report itself, compressed and sealed with AES-256-GCM (encrypted and signed
/// with a key derived from the deployment secret): nothing in the URL says who asked or whose
/// figures they are, a changed token is refused, and after the lifetime the link stops working.
/// The numbers in the CSV are therefore exactly the numbers on the card.
/// </summary>
public sealed class FiguresLinks(IOptions<StateOptions> state, IOptions<FiguresOptions> options, TimeProvider time)
{
    public const string ChartPath = "/figures/chart";
    public const string CsvPath = "/figures/csv";

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("figures|" + state.Value.KeySalt));

    public string Seal(FiguresReport report, Language language)
    {
        var payload = new SealedFigures(report, language, time.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds());
        byte[] plain;
        using (var buffer = new MemoryStream())
        {
            using (var brotli = new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                JsonSerializer.Serialize(brotli, payload, SealedFiguresJsonContext.Default.SealedFigures);
            }

            plain = buffer.ToArray();
        }

        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(_key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Base64Url([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The report when the token is genuine and not expired; otherwise null.</summary>
    public SealedFigures? Open(string token)
    {
        var bytes = FromBase64Url(token);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (bytes is null || bytes.Length <= nonceSize + tagSize)
        {
            return null;
        }

        var plain = new byte[bytes.Length - nonceSize - tagSize];
        try
        {
            using var aes = new AesGcm(_key, tagSize);
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain);
            // A genuine report is a few KB; a forged token (a leaked salt, say) must not decompress into gigabytes.
            var json = Decompress(plain);
            if (json is null)
            {
                return null;
            }

            var sealedFigures = JsonSerializer.Deserialize(json, SealedFiguresJsonContext.Default.SealedFigures);
            return sealedFigures is not null && DateTimeOffset.FromUnixTimeSeconds(sealedFigures.ExpiresUnix) > time.GetUtcNow() ? sealedFigures : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The most a figures link may decompress to; a year of figures for 30 VPs is under 20 KB.</summary>
    public const int MaxDecompressedBytes = 64 * 1024;

    /// <summary>The decompressed bytes, or null when they would pass <see cref="MaxDecompressedBytes"/> or are not Brotli.</summary>
    internal static byte[]? Decompress(byte[] compressed)
    {
        var output = new byte[MaxDecompressedBytes + 1];
        using var decoder = new BrotliDecoder();
        var status = decoder.Decompress(compressed, output, out _, out var written);
        return status == System.Buffers.OperationStatus.Done && written <= MaxDecompressedBytes ? output[..written] : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length is 0 or > 16_000)
        {
            return null;
        }

        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
