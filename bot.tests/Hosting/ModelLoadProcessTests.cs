using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VpWijzer.Tests.Hosting;

/// <summary>
/// The real bot process with trained models on disk (issue 17: start to /readyz): <c>kb train</c> writes them, a start
/// loads them, and a damaged file is trained over and replaced instead of stopping the bot.
/// </summary>
public sealed class ModelLoadProcessTests : IDisposable
{
    private static readonly string[] Kinds = ["recogniser:En", "recogniser:Nl", "screener"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vp-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task KbTrain_ThenStart_EveryModelLoadedAndReady()
    {
        var train = await RunAsync(["kb", "train", "--out", _dir], [], readyPort: 0);
        Assert.True(train.ExitCode == 0, train.Stdout + train.Stderr);
        foreach (var kind in Kinds)
        {
            Assert.Contains($"{kind}: trained in ", train.Stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_dir, kind.Replace(':', '-') + ".model")), kind);
        }

        var port = FreePort();
        var start = await RunAsync(["--urls", $"http://127.0.0.1:{port}"], ["Knowledge__ModelDirectory=" + _dir], readyPort: port);

        Assert.True(start.Ready, "/readyz did not answer 200:\n" + start.Stdout + start.Stderr);
        foreach (var kind in Kinds)
        {
            Assert.Contains($"Model {kind}: loaded from {_dir}", start.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_DamagedModelFile_TrainsSavesAndIsReady()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "screener.model"), "not a model");
        var port = FreePort();

        var start = await RunAsync(["--urls", $"http://127.0.0.1:{port}"], ["Knowledge__ModelDirectory=" + _dir], readyPort: port);

        Assert.True(start.Ready, "/readyz did not answer 200:\n" + start.Stdout + start.Stderr);
        Assert.Contains("Model screener: trained in ", start.Stdout, StringComparison.Ordinal);
        Assert.Contains("saved to " + Path.Combine(_dir, "screener.model"), start.Stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_dir, "screener.model")).Length > 1 << 20, "the damaged file was replaced by the trained model");
        Assert.DoesNotContain("Exception", start.Stdout + start.Stderr, StringComparison.Ordinal);
    }

    private sealed record Run(int ExitCode, string Stdout, string Stderr, bool Ready);

    private static async Task<Run> RunAsync(string[] args, string[] environment, int readyPort)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VpWijzer.Bot.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__VpWijzer.Hosting.KnowledgeServices"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var pair in environment)
        {
            var i = pair.IndexOf('=', StringComparison.Ordinal);
            start.Environment[pair[..i]] = pair[(i + 1)..];
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ready = false;
        try
        {
            if (readyPort == 0)
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            else
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                while (!timeout.IsCancellationRequested && !process.HasExited && !ready)
                {
                    try
                    {
                        ready = (await http.GetAsync(new Uri($"http://127.0.0.1:{readyPort}/readyz"), timeout.Token)).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(100, timeout.Token); // polling a process we started; there is no event to wait on
                    }
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        return new Run(process.HasExited ? process.ExitCode : -1, await stdout, await stderr, ready);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
