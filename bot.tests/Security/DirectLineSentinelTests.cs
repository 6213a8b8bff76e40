using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Chat;
using VpWijzer.State;
using VpWijzer.Tests.DirectLine;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>
/// The privacy promise on the intranet chat: sentinel strings typed into the Direct Line channel come
/// back only as the immediate echo to the same page, and are afterwards found in no log line (Trace,
/// every category), no conversation state, no queue, no bot reply, no other conversation and no file.
/// </summary>
public sealed class DirectLineSentinelTests
{
    private const string S = "SNTL";

    [Fact]
    public async Task EveryFlowThroughTheChat_WithSentinels_OnlyEchoedToTheSamePage_NowhereElse()
    {
        var started = DateTime.UtcNow;
        // Everything at Trace, ASP.NET Core's own request logging included.
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        });
        var employee = await DirectLineClient.StartAsync(bot);
        var bystander = await DirectLineClient.StartAsync(bot);
        await employee.PollAsync();
        await bystander.PollAsync();
        var sentinels = new List<string>();
        string Next(string where)
        {
            var s = $"{S}-dl-{where}-{sentinels.Count:D2}";
            sentinels.Add(s);
            return s;
        }

        await employee.SendAsync($"{Next("q")} mijn collega Karel pest me elke dag");
        var answer = DirectLineClient.Cards(await employee.PollAsync()).Single();
        await employee.ClickAsync(answer, "Blijft het vertrouwelijk?", new Dictionary<string, string> { ["extra"] = Next("click-extra") });
        await employee.PollAsync();
        await employee.SendAsync($"wat moet ik doen {Next("vague")}");
        await employee.PollAsync();
        await employee.SendAsync($"{Next("en")} what does a confidential adviser do");
        await employee.PollAsync();
        await employee.SendAsync($"ik wil niet meer leven {Next("crisis")}");
        await employee.PollAsync();
        await employee.SendAsync("check");
        await employee.PollAsync();
        await employee.SendAsync($"{Next("mid-flow")} eigenlijk is het mijn baas");
        await employee.PollAsync();
        await employee.SendAsync($"ik wil een afspraak met een vertrouwenspersoon {Next("book")}");
        var intro = DirectLineClient.Cards(await employee.PollAsync()).Last();
        await employee.PostActivityAsync(new JsonObject { ["type"] = "message", ["value"] = new JsonObject { ["verb"] = "booking.continue", ["note"] = Next("forged-continue") } });
        await employee.PollAsync();
        await employee.ClickAsync(intro, "Menu", new Dictionary<string, string> { ["extra"] = Next("menu-extra") });
        await employee.PollAsync();
        await employee.SendAsync($"{Next("after-stop")} nog een vraag over pesten");
        await employee.PollAsync();
        await employee.PollAsync();
        await bystander.SendAsync("help");
        await bystander.PollAsync();

        var echoes = employee.Received.Where(a => a["from"]!["role"]!.GetValue<string>() == "user").Select(a => a.ToJsonString()).ToList();
        var replies = employee.Received.Where(a => a["from"]!["role"]!.GetValue<string>() == "bot").Select(a => a.ToJsonString()).ToList();
        var others = string.Join("\n", bystander.Received.Select(a => a.ToJsonString()));
        var logs = bot.Logs.AllText;
        var state = string.Join("\n", bot.Services.GetRequiredService<MemoryConversationStateStore>().SnapshotValues().Select(v => System.Text.Encoding.UTF8.GetString(v)));
        var queued = string.Join("\n", bot.Services.GetRequiredService<DirectLineConversations>().SnapshotQueued());
        var files = FilesWrittenSince(started);

        Assert.True(bot.Logs.Lines.Count > 100, "the log capture saw too little to mean anything");
        Assert.NotEmpty(state);
        Assert.True(replies.Count > 10, "too few replies to mean anything");
        foreach (var s in sentinels.Where(s => !s.Contains("-extra-", StringComparison.Ordinal) && !s.Contains("forged", StringComparison.Ordinal)))
        {
            Assert.Single(echoes, e => e.Contains(s, StringComparison.Ordinal));
        }

        foreach (var s in sentinels)
        {
            Assert.All(replies, r => Assert.DoesNotContain(s, r, StringComparison.Ordinal));
            Assert.DoesNotContain(s, others, StringComparison.Ordinal);
            Assert.DoesNotContain(s, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(s, state, StringComparison.Ordinal);
            Assert.DoesNotContain(s, queued, StringComparison.Ordinal);
            Assert.All(files, f => Assert.DoesNotContain(s, f, StringComparison.Ordinal));
        }

        // Card submits are not echoed with their data (only the clientActivityID and the postBack flag).
        Assert.All(echoes, e => Assert.DoesNotContain("\"value\"", e, StringComparison.Ordinal));
        Assert.DoesNotContain("Karel", string.Join("\n", replies), StringComparison.Ordinal);
        Assert.DoesNotContain(employee.Token, logs, StringComparison.Ordinal);
    }

    private static List<string> FilesWrittenSince(DateTime since)
    {
        var result = new List<string>();
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetTempPath() })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = root == AppContext.BaseDirectory, IgnoreInaccessible = true }))
            {
                try
                {
                    var info = new FileInfo(file);
                    // Length 0 also skips named pipes (the .NET runtime's clr-debug-pipe-* in /tmp), whose open() would block forever.
                    if (info.LastWriteTimeUtc >= since && info.Length is > 0 and < 5_000_000)
                    {
                        result.Add(File.ReadAllText(file));
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return result;
    }
}
