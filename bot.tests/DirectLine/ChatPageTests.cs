using System.Net;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.DirectLine;

/// <summary>GET /chat: the page, its static files and its security headers.</summary>
public sealed class ChatPageTests
{
    [Fact]
    public async Task Chat_StrictCsp_NoFramingByDefault_AnonymityLine()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.GetAsync("/chat");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("Anoniem: je hoeft niet in te loggen en we bewaren niets van wat je typt.", html, StringComparison.Ordinal);
        Assert.Contains("Anonymous: you don't need to sign in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_StyleNonce_FreshPerRequest_AndInTheCsp()
    {
        await using var bot = await BotHost.StartAsync();

        using var first = await bot.Http.GetAsync("/chat");
        using var second = await bot.Http.GetAsync("/chat");

        var nonce1 = Nonce(first);
        Assert.NotEqual(nonce1, Nonce(second));
        Assert.Contains($"content=\"{nonce1}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_WithIntranetOrigins_FrameAncestorsInsteadOfDeny()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Chat:AllowedOrigins:0"] = "https://intranet.gemeente.example",
            ["Chat:AllowedOrigins:1"] = "https://portaal.gemeente.example:8443",
        });

        using var response = await bot.Http.GetAsync("/chat");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("frame-ancestors https://intranet.gemeente.example https://portaal.gemeente.example:8443", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task Theme_OrganisationColours_FromConfiguration()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:PrimaryColor"] = "#8A1538", ["Chat:Title"] = "Vertrouwenspunt <Gemeente>" });

        var css = await bot.Http.GetStringAsync("/chat/theme.css");
        var html = await bot.Http.GetStringAsync("/chat");

        Assert.Contains("--chat-primary: #8A1538;", css, StringComparison.Ordinal);
        Assert.Contains("Vertrouwenspunt &lt;Gemeente&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidColour_RefusesToStart()
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:PrimaryColor"] = "red; } body { display:none" });
        });
    }

    [Theory]
    [InlineData("chat.js", "text/javascript")]
    [InlineData("chat.css", "text/css")]
    [InlineData("webchat.js", "text/javascript")]
    public async Task Assets_ServedFromThisOrigin(string file, string mediaType)
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.GetAsync("/chat/assets/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 500);
    }

    [Theory]
    [InlineData("../VpWijzer.Bot.dll")]
    [InlineData("..%2FVpWijzer.Bot.dll")]
    [InlineData("webchat.js.map")]
    [InlineData("appsettings.json")]
    public async Task Assets_OnlyTheKnownFiles(string file)
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.GetAsync("/chat/assets/" + file);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PageScript_TalksOnlyToItsOwnOrigin()
    {
        await using var bot = await BotHost.StartAsync();

        var script = await bot.Http.GetStringAsync("/chat/assets/chat.js");

        Assert.Contains("window.location.origin + '/v3/directline'", script, StringComparison.Ordinal);
        Assert.Contains("webSocket: false", script, StringComparison.Ordinal);
        Assert.DoesNotContain("http", script, StringComparison.OrdinalIgnoreCase);
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var start = csp.IndexOf("'nonce-", StringComparison.Ordinal) + 7;
        return csp[start..csp.IndexOf('\'', start)];
    }
}
