using System.ComponentModel.DataAnnotations;

namespace VpWijzer.Hosting;

public sealed class EndpointOptions
{
    public const string Section = "Endpoint";

    /// <summary>Largest accepted activity; Teams messages are at most about 100 KB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>How long a turn may take before the request is answered anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests per second per client IP on /api/messages (0 = no limit). Behind Teams all traffic comes from the Bot Service.</summary>
    [Range(0, 100_000)]
    public int PerIpPerSecond { get; set; } = 500;

    [Range(1, 100_000)]
    public int PerIpBurst { get; set; } = 1000;

    /// <summary>Activities per minute per conversation (0 = no limit): far above a person typing and clicking.</summary>
    [Range(0, 10_000)]
    public int PerConversationPerMinute { get; set; } = 60;

    [Range(1, 10_000)]
    public int PerConversationBurst { get; set; } = 30;
}
