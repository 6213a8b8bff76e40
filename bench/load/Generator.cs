using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VpWijzer.Load;

/// <summary>Open-loop generator: activity i is due at start + i/rate, whether or not earlier ones finished.</summary>
public sealed class Generator(string target, StandInConnector connector) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Uri Target { get; } = new(target);

    public void Dispose() => _http.Dispose();

    public async Task<RunResult> RunFixedRateAsync(int rate, double seconds, Func<int, JsonObject> activityFor)
    {
        // Everything is serialised before the clock starts, and a dedicated thread paces the sends, so the
        // generator's own allocations and timer resolution do not show up as the target's latency.
        var total = (int)(rate * seconds);
        var planned = Enumerable.Range(0, total).Select(i =>
        {
            var a = activityFor(i);
            return (Id: a["id"]!.GetValue<string>(), Conversation: a["conversation"]!["id"]!.GetValue<string>(), Body: Encoding.UTF8.GetBytes(a.ToJsonString()));
        }).ToArray();
        var result = new RunResult(total);
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 20);
        var pacer = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                while (true)
                {
                    var wait = due - Stopwatch.GetTimestamp();
                    if (wait <= 0)
                    {
                        break;
                    }

                    if (wait > Stopwatch.Frequency / 500)
                    {
                        Thread.Sleep(1);
                    }
                    else
                    {
                        Thread.SpinWait(50);
                    }
                }

                var (id, conversation, body) = planned[i];
                tasks[i] = SendTimedAsync(id, conversation, body, due, result);
            }
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "pacer" };
        pacer.Start();
        pacer.Join();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    public Task<Turn?> SendTimedAsync(JsonObject activity, long due, RunResult result) =>
        SendTimedAsync(activity["id"]!.GetValue<string>(), activity["conversation"]!["id"]!.GetValue<string>(), Encoding.UTF8.GetBytes(activity.ToJsonString()), due, result);

    /// <summary>Sends one activity; latency runs from <paramref name="due"/> (no coordinated omission) to the last reply.</summary>
    public async Task<Turn?> SendTimedAsync(string id, string conversation, byte[] body, long due, RunResult result)
    {
        var turn = connector.Expect(id, conversation);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(Target, content).ConfigureAwait(false);
            var answered = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                result.Error($"http {(int)response.StatusCode}");
                return null;
            }

            if (turn.Count == 0)
            {
                result.Error("no reply");
                return null;
            }

            result.Record(turn.LastArrival - due, answered - due, turn.Count);
            return turn;
        }
        catch (HttpRequestException ex)
        {
            result.Error(ex.HttpRequestError.ToString());
            return null;
        }
        catch (TaskCanceledException)
        {
            result.Error("timeout");
            return null;
        }
        finally
        {
            connector.Forget(id, conversation);
        }
    }
}

public sealed class RunResult(int planned)
{
    private readonly Lock _gate = new();
    private readonly List<long> _turn = new(planned);
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _replies;

    public TimeSpan Elapsed { get; set; }

    public int Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.Values.Sum();
            }
        }
    }

    public void Record(long turnTicks, long httpTicks, int replies)
    {
        _ = httpTicks;
        lock (_gate)
        {
            _turn.Add(turnTicks);
            _replies += replies;
        }
    }

    public void Error(string kind)
    {
        lock (_gate)
        {
            _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>One machine-readable line: key=value pairs, latencies in ms.</summary>
    public void Print(string name)
    {
        lock (_gate)
        {
            _turn.Sort();
            double P(double q) => _turn.Count == 0 ? double.NaN : _turn[Math.Min(_turn.Count - 1, (int)Math.Ceiling(q * _turn.Count) - 1)] * 1000.0 / Stopwatch.Frequency;
            var errors = _errors.Count == 0 ? "none" : string.Join(",", _errors.Select(e => $"{e.Key}:{e.Value}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} planned={planned} ok={_turn.Count} errors={_errors.Values.Sum()} ({errors}) achieved_per_s={_turn.Count / Elapsed.TotalSeconds:F0} replies={_replies} p50_ms={P(0.50):F2} p95_ms={P(0.95):F2} p99_ms={P(0.99):F2} max_ms={P(1.0):F2}"));
        }
    }
}
