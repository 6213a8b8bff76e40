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
}
