using System.ComponentModel.DataAnnotations;

namespace VpWijzer.State;

public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>"Memory" (default, one instance) or "Redis" (scale-out).</summary>
    [Required]
    [RegularExpression("^(Memory|Redis)$")]
    public string Store { get; set; } = "Memory";

    /// <summary>Idle time after which a conversation's state is gone.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan IdleTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>StackExchange.Redis configuration string, when <see cref="Store"/> is Redis.</summary>
    public string? RedisConnection { get; set; }

    /// <summary>
    /// Secret mixed into the hash of conversation ids used as keys. Set it per deployment so keys
    /// cannot be linked back to conversations by someone who only sees the store.
    /// </summary>
    public string KeySalt { get; set; } = "vp-wijzer-dev-salt";
}
