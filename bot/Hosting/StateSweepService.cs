using VpWijzer.State;

namespace VpWijzer.Hosting;

/// <summary>Removes expired in-memory state every minute, so nothing lingers past its TTL.</summary>
public sealed class StateSweepService(IConversationStateStore store, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not MemoryConversationStateStore memory)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            memory.Sweep();
        }
    }
}
