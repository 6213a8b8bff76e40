using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VpWijzer.Figures;
using VpWijzer.State;

namespace VpWijzer.Tests.Figures;

/// <summary>
/// What an attacker who knows the key salt (a leaked or default one) can do with a figures link (security review M1):
/// a 1 KB link that decompresses to many MB must be refused quickly with bounded memory; CSV cells must not become
/// formulas, also behind a tab or a carriage return.
/// </summary>
public sealed class FiguresLinkForgeryTests
{
    private const string Salt = "a-salt-the-attacker-knows-0123456789abcdef";

    private static FiguresLinks Links() =>
        new(Options.Create(new StateOptions { KeySalt = Salt }), Options.Create(new FiguresOptions()), TimeProvider.System);

    /// <summary>Seals any bytes the way the bot seals a report, with the key derived from <see cref="Salt"/>.</summary>
    private static string Forge(byte[] brotliPayload)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("figures|" + Salt));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[brotliPayload.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, brotliPayload, cipher, tag);
        }

        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static byte[] Brotli(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(plain);
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Open_ForgedBrotliBomb_RefusedWithoutInflatingIt()
    {
        // 50 MB of a JSON-looking string compresses to a few KB: the shape of the review's 1.1 KB, 400 MB link.
        var bomb = Encoding.UTF8.GetBytes("{\"Report\":{\"x\":\"" + new string('A', 50_000_000) + "\"}}");
        var token = Forge(Brotli(bomb));
        Assert.True(token.Length < 16_000, $"the forged link is {token.Length} characters");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var opened = Links().Open(token);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(opened);
        Assert.True(allocated < 4_000_000, $"opening the forged link allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Open_GenuineLinkFromTheSameKey_StillOpens()
    {
        var links = Links();
        var report = new FiguresReport(ReportKind.Month, "2026-11", null, 5, [], []);

        var opened = links.Open(links.Seal(report, Language.Nl));

        Assert.NotNull(opened);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://127.0.0.1:9200/x\",\"click\")")]
    [InlineData("\t=HYPERLINK(\"http://127.0.0.1:9200/x\",\"click\")")]
    [InlineData("\r=1+1")]
    [InlineData("+31 6 12345678")]
    [InlineData("@SUM(A1)")]
    [InlineData("-2")]
    public void Escape_FormulaOrFormulaBehindWhiteSpace_QuotedAsText(string cell)
    {
        var escaped = FiguresLabels.Escape(cell);

        Assert.StartsWith("\"'", escaped, StringComparison.Ordinal);
    }
}
