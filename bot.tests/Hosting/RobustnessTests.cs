using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Hosting;
using VpWijzer.Routing;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Hosting;

public sealed class RobustnessTests
{
    private sealed class ThrowingMiddleware : ITurnMiddleware
    {
        public Task InvokeAsync(TurnContext context, Func<Task> continuation) =>
            context.Activity.Text == "boom" ? throw new InvalidOperationException("secret detail SENTINEL-err-1") : continuation();
    }

    [Fact]
    public async Task TurnThrows_UserGetsKindMessage_NoDetailsAnywhere()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(services: s => s.AddSingleton<ITurnMiddleware, ThrowingMiddleware>());
        var chat = new Conversation(bot, connector);

        await chat.SendAsync("boom");

        Assert.Equal(System.Net.HttpStatusCode.OK, chat.LastStatus);
        Assert.Contains("er ging iets mis", chat.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL-err-1", string.Join("\n", connector.Requests.Select(r => r.Body)), StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL-err-1", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenContent_BotRefusesToStartWithFileAndLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vpw-broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.EnumerateFiles(VpWijzer.Knowledge.ContentLoader.DefaultDirectory, "*.json"))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(dir, "help.json"), "{ \"id\": \"help\", ");

            var ex = await Assert.ThrowsAsync<ContentInvalidException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Knowledge:ContentDirectory"] = dir }));

            Assert.Contains("help.json:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task KbAsk_OneJsonObjectPerLine_InOrder()
    {
        using var input = new StringReader("is dit pesten?\nI want to kill myself\nwaar is de kantine\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await KbCommand.RunAsync(["ask"], input, output, error);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["bullying", "crisis", "none"], lines.Select(l => l.GetProperty("topic").GetString()));
        Assert.Equal(["nl", "en", "nl"], lines.Select(l => l.GetProperty("language").GetString()));
        Assert.All(lines, l => Assert.InRange(l.GetProperty("confidence").GetDouble(), 0, 1));
        Assert.Equal(["none", "acute", "none"], lines.Select(l => l.GetProperty("safety").GetString()));
    }

    [Fact]
    public async Task KbCheck_BrokenFile_ExitsNonZeroWithFileAndLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vpw-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.EnumerateFiles(VpWijzer.Knowledge.ContentLoader.DefaultDirectory, "*.json"))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(dir, "manager.json"), File.ReadAllText(Path.Combine(dir, "manager.json")).Replace("\"title\"", "\"title\": 5, \"x\"", StringComparison.Ordinal));
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await KbCommand.RunAsync(["check", "--content", dir], new StringReader(string.Empty), output, error);

            Assert.Equal(1, code);
            Assert.Contains("manager.json:", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task KbTopicEval_UnknownSettingOrBadValue_ExitsTwoWithWhatWasWrong()
    {
        using var unknownOut = new StringWriter();
        using var unknownErr = new StringWriter();
        using var badOut = new StringWriter();
        using var badErr = new StringWriter();

        var unknown = await KbCommand.RunAsync(["topic-eval", "x.tsv", "--set", "Bm25Sahre=0.3"], new StringReader(string.Empty), unknownOut, unknownErr);
        var bad = await KbCommand.RunAsync(["topic-eval", "x.tsv", "--set", "Epochs=1.5"], new StringReader(string.Empty), badOut, badErr);

        Assert.Equal(2, unknown);
        Assert.Contains("no setting 'Bm25Sahre'", unknownErr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Bm25Share", unknownErr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, bad);
        Assert.Contains("'1.5' is not a whole number for Epochs", badErr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryWithOverrides_KnownSetting_SetsOnlyThat()
    {
        var defaults = new VpWijzer.Knowledge.RecogniserSettings();

        Assert.True(KbCommand.TryWithOverrides(defaults, ["--set", "Bm25Share=0.125", "--set", "Epochs=7"], out var result, out var problem));

        Assert.Equal(string.Empty, problem);
        Assert.Equal(0.125, result.Bm25Share);
        Assert.Equal(7, result.Epochs);
        Assert.Equal(defaults with { Bm25Share = 0.125, Epochs = 7 }, result);
    }
}
