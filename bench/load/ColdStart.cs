using System.Diagnostics;
using System.Text;

namespace VpWijzer.Load;

/// <summary>Process start -> first reply at the connector, posting a question every 5 ms until one is answered.</summary>
public static class ColdStart
{
    public static async Task<double> RunAsync(string[] command, StandInConnector connector, string question, string target)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command[1..])
        {
            info.ArgumentList.Add(a);
        }

        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(60))
            {
                var activity = Activities.Message(connector.ServiceUrl, "bench-cold", question);
                var id = activity["id"]!.GetValue<string>();
                var turn = connector.Expect(id, "a:bench-cold");
                try
                {
                    using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(new Uri(target), content).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode && turn.Count > 0)
                    {
                        return (turn.LastArrival - start) * 1000.0 / Stopwatch.Frequency;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                finally
                {
                    connector.Forget(id, "a:bench-cold");
                }

                await Task.Delay(5).ConfigureAwait(false);
            }

            return double.NaN;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }
}
