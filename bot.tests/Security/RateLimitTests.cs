using System.Net;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task OneConversation_OverItsBurst_429WithRetryAfter_OtherConversationsUnaffected()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Endpoint:PerConversationBurst"] = "3", ["Endpoint:PerConversationPerMinute"] = "1" });
        var busy = new Conversation(bot, connector);
        var other = new Conversation(bot, connector);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            await busy.SendAsync("help");
            statuses.Add(busy.LastStatus);
        }

        await other.SendAsync("help");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.LastStatus);
        Assert.Equal(3, connector.Activities.Count(a => a.Conversation?.Id == busy.ConversationId));
    }

    [Fact]
    public async Task OneClientIp_OverItsBurst_429()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Endpoint:PerIpBurst"] = "4", ["Endpoint:PerIpPerSecond"] = "1" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var chat = new Conversation(bot, connector);
            await chat.SendAsync("help");
            statuses.Add(chat.LastStatus);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 4, 5);
    }
}
