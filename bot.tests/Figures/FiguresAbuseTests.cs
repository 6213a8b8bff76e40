using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Figures;
using VpWijzer.Tests.DirectLine;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Figures;

/// <summary>What an anonymous client could do to the figures (security review L4).</summary>
public sealed class FiguresAbuseTests
{
    [Fact]
    public async Task ChatClientPostingThirtyQuestions_CountsOncePerTopic()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:Store"] = "Memory", ["Endpoint:PerConversationPerMinute"] = "0" });
        var flooder = await DirectLineClient.StartAsync(bot);
        var other = await DirectLineClient.StartAsync(bot);

        for (var i = 0; i < 30; i++)
        {
            await flooder.PostActivityAsync(Topic("bullying"));
            Assert.Equal(HttpStatusCode.OK, flooder.LastStatus);
        }

        for (var i = 0; i < 5; i++)
        {
            await flooder.PostActivityAsync(Topic("discrimination"));
        }

        await other.PostActivityAsync(Topic("bullying"));
        var counts = await CountsAsync(bot);

        Assert.Equal(2, counts.GetValueOrDefault("question|intranet|bullying"));
        Assert.Equal(1, counts.GetValueOrDefault("question|intranet|discrimination"));
    }

    [Fact]
    public async Task ChatClientTypingTheSameQuestionAgain_CountsOnce()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:Store"] = "Memory", ["Endpoint:PerConversationPerMinute"] = "0" });
        var flooder = await DirectLineClient.StartAsync(bot);

        for (var i = 0; i < 30; i++)
        {
            await flooder.SendAsync("Wat doet een vertrouwenspersoon eigenlijk?");
        }

        var counts = await CountsAsync(bot);

        Assert.Equal(1, counts.Where(c => c.Key.StartsWith("question|intranet|", StringComparison.Ordinal)).Sum(c => c.Value));
    }

    [Fact]
    public void CountedOnce_NewMonth_CountsAgain_FullSet_ForgetsTheOldest()
    {
        var once = new CountedOnce(capacity: 3);

        var first = once.TryMark("2026-12", "c1", "question|intranet|bullying");
        var again = once.TryMark("2026-12", "c1", "question|intranet|bullying");
        var otherTopic = once.TryMark("2026-12", "c1", "question|intranet|discrimination");
        var nextMonth = once.TryMark("2027-01", "c1", "question|intranet|bullying");
        once.TryMark("2027-01", "c2", "crisis|intranet");
        once.TryMark("2027-01", "c3", "crisis|intranet");
        once.TryMark("2027-01", "c4", "crisis|intranet");
        var forgotten = once.TryMark("2027-01", "c1", "question|intranet|bullying");

        Assert.True(first);
        Assert.False(again);
        Assert.True(otherTopic);
        Assert.True(nextMonth);
        Assert.True(forgotten);
        Assert.Equal(3, once.Count);
    }

    [Fact]
    public async Task FigureFiles_OverThePerIpLimit_429WithAKindText()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:Store"] = "Memory", ["Figures:RequestsPerIpPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await bot.Http.GetAsync(i % 2 == 0 ? "/figures/chart/not-a-token.png" : "/figures/csv/not-a-token.csv");
            statuses.Add(response.StatusCode);
        }

        using var refused = await bot.Http.GetAsync("/figures/chart/not-a-token.png");
        var text = await refused.Content.ReadAsStringAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("probeer het dan opnieuw", text, StringComparison.Ordinal);
        Assert.Contains("Please wait a moment", text, StringComparison.Ordinal);
        Assert.Equal("text/plain; charset=utf-8", refused.Content.Headers.ContentType?.ToString());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 20);
    }

    [Fact]
    public async Task FigureFiles_LimitIsPerClient_SpoofedForwardedForDoesNotHelp()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:Store"] = "Memory", ["Figures:RequestsPerIpPerMinute"] = "2" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/figures/chart/x.png");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await bot.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("00:00:10")]
    [InlineData("30.00:00:00")]
    public async Task LinkLifetime_OutOfRange_RefusesToStart(string lifetime)
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Figures:LinkLifetime"] = lifetime });
        });
    }

    private static JsonObject Topic(string topic) => new()
    {
        ["type"] = "message",
        ["value"] = new JsonObject { ["verb"] = "kb.topic", ["topic"] = topic },
        ["channelData"] = new JsonObject { ["postBack"] = true },
    };

    private static async Task<IReadOnlyDictionary<string, long>> CountsAsync(BotHost bot)
    {
        await bot.Services.GetRequiredService<FiguresRecorder>().FlushAsync(TimeSpan.FromSeconds(10));
        var month = FigureKeys.Month(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        return await bot.Services.GetRequiredService<IFiguresStore>().ReadMonthAsync(month, CancellationToken.None);
    }
}
