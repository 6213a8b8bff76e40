using VpWijzer.State;

namespace VpWijzer.Hosting;

/// <summary>Something that must be true before the bot takes traffic (content loaded, state store reachable).</summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken ct);
}

public sealed class StateStoreReadiness(IConversationStateStore store) : IReadinessCheck
{
    public string Name => "state";

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            return await store.IsReachableAsync(ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Readiness reports any failure as not ready.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", async (IEnumerable<IReadinessCheck> checks, CancellationToken ct) =>
        {
            var failing = new List<string>();
            foreach (var check in checks)
            {
                if (!await check.IsReadyAsync(ct).ConfigureAwait(false))
                {
                    failing.Add(check.Name);
                }
            }

            return failing.Count == 0
                ? Results.Text("ready")
                : Results.Text("not ready: " + string.Join(", ", failing), statusCode: 503);
        });
        return endpoints;
    }
}
