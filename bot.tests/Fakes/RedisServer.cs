using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace VpWijzer.Tests.Fakes;

/// <summary>A real redis-server (Debian package) on a free loopback port, started and stopped by its PID.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public string Connection => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";

    public static async Task<RedisServer> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new RedisServer(port);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Starts (or restarts) the server on the same port; waits until it answers PING.</summary>
    public async Task StartProcessAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (is the Debian package installed?)");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=200");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Yield();
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException("redis-server did not answer");
    }

    /// <summary>Stops the server we started (by PID), as an outage.</summary>
    public async Task StopProcessAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every value stored, for the privacy assertions.</summary>
    public async Task<IReadOnlyList<string>> DumpValuesAsync()
    {
        using var client = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},allowAdmin=true");
        var server = client.GetServer($"127.0.0.1:{Port}");
        var values = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            var db = client.GetDatabase();
            values.Add(await db.KeyTypeAsync(key) == RedisType.Hash
                ? $"{key}={string.Join(",", (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}:{e.Value}"))}"
                : $"{key}={(string?)await db.StringGetAsync(key)}");
        }

        return values;
    }

    public async ValueTask DisposeAsync() => await StopProcessAsync();
}
