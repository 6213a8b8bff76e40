using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>The privacy answer says what the code does: its numbers come from the running configuration.</summary>
public sealed class PrivacyAnswerTests
{
    [Theory]
    [InlineData("00:45:00", "bewaren jullie wat ik hier typ?", "Na 45 minuten zonder bericht")]
    [InlineData("00:10:00", "does this bot store what I type?", "After 10 minutes without a message")]
    public async Task PrivacyAnswer_NamesTheConfiguredIdleTime(string idleTtl, string question, string expected)
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["State:IdleTtl"] = idleTtl });
        var chat = new Conversation(bot, connector);

        await chat.SendAsync(question);

        var text = chat.LastCard.AllText();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("{stateIdleMinutes}", text, StringComparison.Ordinal);
    }
}
