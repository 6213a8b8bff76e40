using System.Net.Http.Headers;
using VpWijzer.Tests.DirectLine;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>
/// Security review M3: .ics links, figures links and Direct Line conversation ids are capabilities. With every log
/// category at Trace (what BotHost captures) none of them may appear in a log line.
/// </summary>
public sealed class CapabilityUrlLogTests
{
    [Fact]
    public async Task EveryCategoryAtTrace_CapabilityUrlsAndConversationIds_NeverLogged()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace", ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace" });
        var client = await DirectLineClient.StartAsync(bot);
        await client.SendAsync("hallo");
        await client.PollAsync();
        string[] capabilities = ["ICSBOOKINGSENTINEL7", "ICSSIGNATURESENTINEL7", "FIGURESTOKENSENTINEL7", "CONVERSATIONSENTINEL7"];

        foreach (var path in new[]
        {
            "/calendar/ICSBOOKINGSENTINEL7.1796370688.ICSSIGNATURESENTINEL7.ics",
            "/figures/csv/FIGURESTOKENSENTINEL7",
            "/figures/chart/FIGURESTOKENSENTINEL7",
            "/v3/directline/conversations/CONVERSATIONSENTINEL7/activities",
        })
        {
            using var response = await bot.Http.GetAsync(path);
        }

        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities");
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using (await bot.Http.SendAsync(poll))
        {
        }

        var log = bot.Logs.AllText;
        Assert.True(bot.Logs.Lines.Count(l => l.StartsWith("Trace", StringComparison.Ordinal) || l.StartsWith("Debug", StringComparison.Ordinal)) > 3, "nothing was logged at Trace or Debug: " + string.Join("\n", bot.Logs.Lines));
        var leaks = bot.Logs.Lines.Where(l => capabilities.Append(client.ConversationId).Any(c => l.Contains(c, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} lines carry a capability:\n" + string.Join("\n", leaks.Select(l => l.Length > 300 ? l[..300] : l).Take(12)));
    }
}
