using System.ComponentModel.DataAnnotations;

namespace VpWijzer.Chat;

/// <summary>The anonymous intranet chat: a Direct Line 3.0–compatible channel and the /chat page.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Serve /chat and /v3/directline at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Intranet origins (scheme://host[:port]) that may embed /chat in a frame and call the Direct Line
    /// endpoints from their own pages (CORS). Empty: only the bot's own origin.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a token is valid; the page refreshes it well before (Web Chat every 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation (its queue of unread activities) disappears after this much idle time.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan IdleTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many unread activities per conversation; older ones are dropped.</summary>
    [Range(5, 1000)]
    public int MaxQueuedActivities { get; set; } = 50;

    /// <summary>
    /// At most this many bytes of unread activities per conversation (their JSON plus a fixed overhead each);
    /// older ones are dropped, the newest always stays.
    /// </summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int MaxQueuedBytesPerConversation { get; set; } = 64 * 1024;

    /// <summary>
    /// Memory budget for the unread queues of all conversations on this instance. Over it, new conversations get
    /// 503 and conversations whose page has stopped reading are dropped, longest-unread first.
    /// </summary>
    [Range(typeof(long), "1048576", "17179869184")]
    public long MaxQueuedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>At most this many live conversations on this instance; starting more gets 503.</summary>
    [Range(10, 1_000_000)]
    public int MaxConversations { get; set; } = 20_000;

    /// <summary>
    /// Proxies (addresses or networks such as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> is believed for the
    /// per-IP limits. Empty (the default): the connection's own address, and every forwarded header is ignored.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Largest accepted activity from the page.</summary>
    [Range(1024, 256 * 1024)]
    public int MaxActivityBytes { get; set; } = 16 * 1024;

    /// <summary>New conversations per minute per client IP (0 = no limit).</summary>
    [Range(0, 100_000)]
    public int StartsPerIpPerMinute { get; set; } = 30;

    [Range(1, 100_000)]
    public int StartsPerIpBurst { get; set; } = 30;

    /// <summary>Direct Line requests per second per client IP, polling included (0 = no limit). Behind an intranet proxy many people share one IP.</summary>
    [Range(0, 100_000)]
    public int RequestsPerIpPerSecond { get; set; } = 100;

    [Range(1, 100_000)]
    public int RequestsPerIpBurst { get; set; } = 200;

    /// <summary>
    /// Base64 key (at least 32 bytes) for signing tokens. Empty: a random key per process, which is
    /// fine for one instance (conversations live in its memory anyway).
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>Organisation colours and name on the page.</summary>
    [RegularExpression("^#[0-9A-Fa-f]{6}$")]
    public string PrimaryColor { get; set; } = "#2F5D62";

    [RegularExpression("^#[0-9A-Fa-f]{6}$")]
    public string BackgroundColor { get; set; } = "#F6F4EF";

    [StringLength(80)]
    public string Title { get; set; } = "VP-wijzer";
}
