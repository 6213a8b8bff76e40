using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Routing;
using VpWijzer.Tests.DirectLine;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>
/// Security review L2: a turn past Endpoint:TurnTimeout (a slow Graph or GetMember) answered HTTP 500 with an empty
/// body, and the user got nothing. Now the channel gets 200 and the user the kind "sorry".
/// </summary>
public sealed class TurnTimeoutTests
{
    /// <summary>Hangs every turn whose text is "hang" until the turn's own token gives up.</summary>
    private sealed class HangingMiddleware : ITurnMiddleware
    {
        public async Task InvokeAsync(TurnContext context, Func<Task> continuation)
        {
            if (context.Activity.Text == "hang")
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }

            await continuation();
        }
    }

    private static Task<BotHost> SlowBotAsync() => BotHost.StartAsync(
        new Dictionary<string, string?> { ["Endpoint:TurnTimeout"] = "00:00:01" },
        services => services.AddSingleton<ITurnMiddleware, HangingMiddleware>());

    [Fact]
    public async Task BotServiceTurn_PastTheTimeout_200AndTheApologyDelivered()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var bot = await SlowBotAsync();
        var chat = new Conversation(bot, connector);

        await chat.SendAsync("hang");

        Assert.Equal(HttpStatusCode.OK, chat.LastStatus);
        Assert.Contains("er ging iets mis aan mijn kant", chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLineTurn_PastTheTimeout_200AndTheApologyQueued()
    {
        await using var bot = await SlowBotAsync();
        var client = await DirectLineClient.StartAsync(bot);
        await client.PollAsync();

        await client.SendAsync("hang");
        var sent = client.LastStatus;
        var replies = await client.PollAsync();

        Assert.Equal(HttpStatusCode.OK, sent);
        Assert.Contains(replies, r => r["text"]?.GetValue<string>().Contains("er ging iets mis aan mijn kant", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }
}
