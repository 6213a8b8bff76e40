using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Chat;
using VpWijzer.Tests.DirectLine;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>The anonymous chat under abuse, over HTTP against the real app (security review M2).</summary>
public sealed class DirectLineAbuseTests
{
    [Fact]
    public async Task ThousandUnusedTokens_DoNotBlockARealUser()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:MaxConversations"] = "10", ["Chat:StartsPerIpPerMinute"] = "0" });
        var conversations = bot.Services.GetRequiredService<DirectLineConversations>();

        var generated = 0;
        for (var i = 0; i < 1000; i++)
        {
            generated += (await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/tokens/generate", null, null)).Status == HttpStatusCode.OK ? 1 : 0;
        }

        var live = conversations.Count;
        var person = await DirectLineClient.StartAsync(bot);
        await person.PollAsync();
        await person.SendAsync("Wat doet een vertrouwenspersoon eigenlijk?");
        var answer = await person.PollAsync();

        Assert.Equal(1000, generated);
        Assert.Equal(0, live);
        Assert.NotEmpty(DirectLineClient.Cards(answer));
    }

    [Fact]
    public async Task RefusedStarts_AtTheCap_OneSweepAndOneWarning()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:MaxConversations"] = "10", ["Chat:StartsPerIpPerMinute"] = "0" });
        var conversations = bot.Services.GetRequiredService<DirectLineConversations>();
        for (var i = 0; i < 10; i++)
        {
            await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/conversations", null, null);
        }

        var sweepsBefore = conversations.Sweeps;
        var refused = 0;
        for (var i = 0; i < 300; i++)
        {
            var path = i % 2 == 0 ? "/v3/directline/conversations" : "/v3/directline/tokens/generate";
            refused += (await DirectLineClient.PostJsonAsync(bot.Http, path, null, null)).Status == HttpStatusCode.ServiceUnavailable ? 1 : 0;
        }

        Assert.Equal(300, refused);

        // The 15-second timer may add one of its own while this runs.
        Assert.InRange(conversations.Sweeps - sweepsBefore, 0, 2);
        Assert.Single(bot.Logs.Lines, l => l.Contains("new conversations are refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartLimit_SpoofedForwardedFor_StillTheConnectionsBudget()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:StartsPerIpBurst"] = "3", ["Chat:StartsPerIpPerMinute"] = "1" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await GenerateAsync(bot, $"198.51.100.{i + 1}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task StartLimit_FrameworkForwardedHeadersSwitchOn_SpoofStillIgnored_DevModeLoopbackCheckHolds()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, the switch App Service documents for Linux containers.
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders_Enabled"] = "true",
            ["Chat:StartsPerIpBurst"] = "3",
            ["Chat:StartsPerIpPerMinute"] = "1",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await GenerateAsync(bot, $"198.51.100.{i + 1}"));
        }

        // Development mode answers only loopback callers; a forged header must not make one look remote (or local).
        using var probe = new HttpRequestMessage(HttpMethod.Head, "/api/messages");
        probe.Headers.TryAddWithoutValidation("X-Forwarded-For", "10.1.2.3");
        using var probeResponse = await bot.Http.SendAsync(probe);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, probeResponse.StatusCode);
    }

    [Fact]
    public async Task StartLimit_BehindAKnownProxy_EachClientItsOwnBudget()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Chat:KnownProxies:0"] = "127.0.0.1",
            ["Chat:StartsPerIpBurst"] = "2",
            ["Chat:StartsPerIpPerMinute"] = "1",
        });

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await GenerateAsync(bot, "203.0.113.9:5000" + i));
        }

        var second = await GenerateAsync(bot, "203.0.113.10");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    [Fact]
    public async Task StartLimit_Ipv6AddressesInOneSlash64_ShareOneBudget()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Chat:KnownProxies:0"] = "127.0.0.1",
            ["Chat:StartsPerIpBurst"] = "3",
            ["Chat:StartsPerIpPerMinute"] = "1",
        });

        var sameNetwork = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            sameNetwork.Add(await GenerateAsync(bot, $"2001:db8:1:2::{i + 1:x}"));
        }

        var otherNetwork = await GenerateAsync(bot, "2001:db8:1:3::1");

        Assert.Equal(3, sameNetwork.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork[^1]);
        Assert.Equal(HttpStatusCode.OK, otherNetwork);
    }

    [Fact]
    public async Task StartLimit_Refused_RetryAfterMatchesTheWindow()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:StartsPerIpBurst"] = "1", ["Chat:StartsPerIpPerMinute"] = "1" });
        await GenerateAsync(bot, null);

        using var refused = await bot.Http.PostAsync("/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 30, 60);
    }

    [Fact]
    public async Task InvalidKnownProxy_RefusesToStart()
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:KnownProxies:0"] = "*" });
        });
    }

    private static async Task<HttpStatusCode> GenerateAsync(BotHost bot, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = new StringContent(string.Empty, Encoding.UTF8, "application/json") };
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        using var response = await bot.Http.SendAsync(request);
        return response.StatusCode;
    }
}
