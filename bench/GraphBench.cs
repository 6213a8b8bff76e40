using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VpWijzer.Scheduling;
using VpWijzer.Scheduling.Graph;
using VpWijzer.Tests.Fakes;

namespace VpWijzer.Bench;

/// <summary>
/// Slots offered with 100 ms of injected Graph latency, and Graph calls per booking after warm
/// caches: the real GraphServiceClient against the stand-in Graph on loopback.
/// </summary>
internal static class GraphBench
{
    public static async Task<int> RunAsync()
    {
        await using var graph = await StandInGraph.StartAsync();
        foreach (var (email, name) in new[] { ("kamer.linde@gemeente.example", "Kamer Linde"), ("kamer.eik@gemeente.example", "Kamer Eik"), ("kamer.berk@gemeente.example", "Kamer Berk") })
        {
            graph.AddRoom(email, name, 4, "vp-geschikt");
        }

        using var directory = new DirectoryService(DirectoryLoader.DefaultPath, NullLogger<DirectoryService>.Instance);
        using var service = new GraphCalendarService(GraphClientBuilder.Create(new GraphOptions { BaseUrl = graph.BaseUrl, Anonymous = true, RetryDelaySeconds = 0 }), directory, TimeProvider.System, NullLogger<GraphCalendarService>.Instance, readOrgChart: false);
        graph.LatencyMs = 100;
        var vps = directory.All;

        // Warm the room and budget caches once per VP.
        foreach (var vp in vps)
        {
            await service.FindSlotsAsync(vp, MeetingMode.InPerson, 4, CancellationToken.None).ConfigureAwait(false);
        }

        var samples = new List<double>();
        var callsPerBooking = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var vp = vps[i % vps.Count];
            var before = graph.Requests.Count;
            var t = Stopwatch.GetTimestamp();
            var slots = await service.FindSlotsAsync(vp, MeetingMode.InPerson, 4, CancellationToken.None).ConfigureAwait(false);
            samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (slots.Count > 0)
            {
                await service.BookAsync(new BookingRequest(Guid.NewGuid().ToString("N"), vp, slots[0], MeetingMode.InPerson, null, "nl"), CancellationToken.None).ConfigureAwait(false);
                callsPerBooking.Add(graph.Requests.Count - before);

                // Re-warm the budget cache the booking invalidated, outside the measurement (as the next user would find it).
                await service.FindSlotsAsync(vp, MeetingMode.InPerson, 1, CancellationToken.None).ConfigureAwait(false);
            }
        }

        samples.Sort();
        double P(double p) => samples[Math.Min(samples.Count - 1, (int)(p * samples.Count))];
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"graph: slots offered with 100 ms injected latency ({samples.Count} runs, warm caches): p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, max {samples[^1]:0} ms"));
        Console.WriteLine(string.Create(c, $"graph: calls per booking after warm caches (slots + re-check + create): min {callsPerBooking.Min()}, max {callsPerBooking.Max()}, mean {callsPerBooking.Average():0.0}"));
        return 0;
    }
}
