using System.ComponentModel.DataAnnotations;

namespace VpWijzer.Connector;

/// <summary>
/// Resilience and pacing of outgoing Bot Connector calls. Bound from the <c>Connector</c> section.
/// </summary>
/// <remarks>
/// Teams answers bots that send too fast with HTTP 429 and documents roughly 7 messages per second
/// per conversation; it asks bots to retry 412, 429, 502 and 504 with exponential back-off and jitter.
/// See https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit.
/// </remarks>
public sealed class ConnectorOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Connector";

    /// <summary>How many times a failed call is retried (0 = no retries). Default 3.</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 3;

    /// <summary>
    /// Base delay of the exponential back-off with jitter. Default 500 ms; 0 makes retries immediate (tests).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for, and the cap on computed back-off. A response
    /// that asks for a longer wait is not retried: it fails at once with its status code. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of a single HTTP attempt; an attempt that runs out is retried. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of a whole call including all retries and their delays. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sustained number of sends (reply, send, update) per second to one conversation. Default 7.</summary>
    [Range(0.01, 100.0)]
    public double SendsPerSecondPerConversation { get; set; } = 7;

    /// <summary>How many sends to one conversation may go out back to back before pacing starts. Default 4.</summary>
    [Range(1, 100)]
    public int SendBurstPerConversation { get; set; } = 4;

    /// <summary>
    /// How many sends to one conversation may wait for their turn; further sends fail at once with a
    /// local 429 instead of queueing without bound. Default 100.
    /// </summary>
    [Range(0, 10_000)]
    public int SendQueueLimitPerConversation { get; set; } = 100;

    /// <summary>
    /// Hosts the bot sends Bot Connector calls (with its token) to, from an activity's or a stored <c>serviceUrl</c>:
    /// an exact host, or <c>*.domain</c> for its subdomains. Default: the public-cloud Bot Connector
    /// (<c>smba.trafficmanager.net</c> with its regional subdomains, and <c>*.botframework.com</c>). Other clouds
    /// (GCC, China) list theirs. Setting the list replaces the default (the configuration binder would append to a
    /// pre-filled array, so empty stands for the default). Activities naming any other host are refused.
    /// </summary>
    public string[] AllowedServiceUrlHosts { get; set; } = [];

    /// <summary><see cref="AllowedServiceUrlHosts"/>, or the default when none are configured.</summary>
    public IReadOnlyList<string> EffectiveServiceUrlHosts => AllowedServiceUrlHosts.Length == 0 ? DefaultAllowedServiceUrlHosts : AllowedServiceUrlHosts;

    /// <summary>The public-cloud Bot Connector hosts.</summary>
    public static IReadOnlyList<string> DefaultAllowedServiceUrlHosts { get; } = ["smba.trafficmanager.net", "*.smba.trafficmanager.net", "*.botframework.com"];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AttemptTimeout > TotalTimeout)
        {
            yield return new ValidationResult(
                "AttemptTimeout must not be longer than TotalTimeout.",
                [nameof(AttemptTimeout), nameof(TotalTimeout)]);
        }

        foreach (var host in AllowedServiceUrlHosts)
        {
            var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(name) == UriHostNameType.Unknown || (host.StartsWith("*.", StringComparison.Ordinal) && !name.Contains('.', StringComparison.Ordinal)))
            {
                yield return new ValidationResult(
                    $"AllowedServiceUrlHosts: '{host}' is not a host name or '*.domain'.", [nameof(AllowedServiceUrlHosts)]);
            }
        }
    }
}
