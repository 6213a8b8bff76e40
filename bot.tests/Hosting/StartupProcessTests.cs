using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VpWijzer.Hosting;

namespace VpWijzer.Tests.Hosting;

/// <summary>
/// The real bot process, started the way an admin or a hosting platform starts it: a broken configuration ends in one
/// line naming the key and an exit code of its own (README lists them), and the platform's listen settings are obeyed.
/// </summary>
public sealed class StartupProcessTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Tenant = "99999999-8888-7777-6666-555555555555";
    private const string GoodSalt = "a-salt-for-this-test-only-0123456789abcdef";

    public static TheoryData<string, string[], int, string> BrokenConfigurations() => new()
    {
        { "app id without a secret", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppTenantId=" + Tenant, "State__KeySalt=" + GoodSalt], StartupExitCodes.Secret, "Bot:MicrosoftAppPassword" },
        { "tenant that is not a GUID", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppTenantId=contoso.onmicrosoft.com", "Bot__MicrosoftAppPassword=x", "State__KeySalt=" + GoodSalt], StartupExitCodes.Configuration, "Bot:MicrosoftAppTenantId" },
        { "unknown app type", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppType=Personal"], StartupExitCodes.Configuration, "Bot:MicrosoftAppType" },
        { "certificate file missing", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppTenantId=" + Tenant, "Bot__CertificatePath=/nonexistent/bot.pfx", "State__KeySalt=" + GoodSalt], StartupExitCodes.Secret, "Bot:CertificatePath" },
        { "certificate not a certificate", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppTenantId=" + Tenant, "Bot__CertificatePath=" + typeof(StartupProcessTests).Assembly.Location, "State__KeySalt=" + GoodSalt], StartupExitCodes.Secret, "Bot:CertificatePath" },
        { "default key salt in a tenant", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppTenantId=" + Tenant, "Bot__MicrosoftAppPassword=x"], StartupExitCodes.Secret, "State:KeySalt" },
        { "short key salt in a tenant", ["Bot__MicrosoftAppId=" + AppId, "Bot__MicrosoftAppTenantId=" + Tenant, "Bot__MicrosoftAppPassword=x", "State__KeySalt=short"], StartupExitCodes.Secret, "State:KeySalt" },
        { "redis without a connection", ["State__Store=Redis"], StartupExitCodes.Configuration, "State:RedisConnection" },
        { "unknown state store", ["State__Store=Postgres"], StartupExitCodes.Configuration, "State:Store" },
        { "graph without a client id", ["Scheduling__Mode=Graph"], StartupExitCodes.Configuration, "Scheduling:Graph:ClientId" },
        { "graph without a secret", ["Scheduling__Mode=Graph", "Scheduling__Graph__ClientId=" + AppId, "Scheduling__Graph__TenantId=" + Tenant], StartupExitCodes.Secret, "Scheduling:Graph:ClientSecret" },
        { "directory file missing", ["Scheduling__DirectoryFile=/nonexistent/directory.json"], StartupExitCodes.Directory, "Scheduling:DirectoryFile" },
        { "content folder missing", ["Knowledge__ContentDirectory=/nonexistent/topics"], StartupExitCodes.Content, "Knowledge:ContentDirectory" },
        { "a timespan that is not one", ["State__IdleTtl=half an hour"], StartupExitCodes.Configuration, "IdleTtl" },
        { "an http chat origin outside Development", ["Chat__AllowedOrigins__0=http://intranet.example.nl"], StartupExitCodes.Configuration, "Chat:AllowedOrigins" },
    };

    [Theory]
    [MemberData(nameof(BrokenConfigurations))]
    public async Task Start_BrokenConfiguration_OneLineNamingTheKeyAndItsExitCode(string what, string[] environment, int exitCode, string key)
    {
        var run = await RunBotAsync(environment, ["--urls", $"http://127.0.0.1:{FreePort()}"], waitForExit: true);

        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(run.ExitCode == exitCode, $"{what}: exit {run.ExitCode}, stderr:\n{run.Stderr}\nstdout:\n{run.Stdout}");
        Assert.Contains(key, lines[0], StringComparison.Ordinal);
        Assert.StartsWith("vp-wijzer will not start: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string[]> ListenSettings() => new()
    {
        { "ASPNETCORE_URLS", ["ASPNETCORE_URLS=http://127.0.0.1:{port}"], [] },
        { "ASPNETCORE_HTTP_PORTS", ["ASPNETCORE_HTTP_PORTS={port}"], [] },
        { "--urls", [], ["--urls", "http://127.0.0.1:{port}"] },
        { "Urls", ["Urls=http://127.0.0.1:{port}"], [] },
    };

    [Theory]
    [MemberData(nameof(ListenSettings))]
    public async Task Start_PlatformListenSetting_Obeyed(string what, string[] environment, string[] args)
    {
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await RunBotAsync(environment.Select(e => e.Replace("{port}", port, StringComparison.Ordinal)).ToArray(), args.Select(a => a.Replace("{port}", port, StringComparison.Ordinal)).ToArray(), waitForExit: false, healthPort: int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.Healthy, $"{what}: /healthz on port {port} did not answer; stderr:\n{run.Stderr}\nstdout:\n{run.Stdout}");
    }

    private sealed record Run(int ExitCode, string Stdout, string Stderr, bool Healthy);

    private static async Task<Run> RunBotAsync(string[] environment, string[] args, bool waitForExit, int healthPort = 0)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "VpWijzer.Bot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // A clean environment for what the bot reads: nothing from the test runner's own ASP.NET settings leaks in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var pair in environment)
        {
            var i = pair.IndexOf('=', StringComparison.Ordinal);
            start.Environment[pair[..i]] = pair[(i + 1)..];
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var healthy = false;
        try
        {
            if (!waitForExit)
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                while (!timeout.IsCancellationRequested && !process.HasExited && !healthy)
                {
                    try
                    {
                        healthy = (await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/healthz"), timeout.Token)).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Yield();
                        Thread.Sleep(100); // polling a process we started; there is no event to wait on
                    }
                }
            }
            else
            {
                await process.WaitForExitAsync(timeout.Token);
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

        return new Run(process.ExitCode, await stdout, await stderr, healthy);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
