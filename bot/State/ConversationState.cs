using System.Text.Json.Serialization;

namespace VpWijzer.State;

/// <summary>The language a conversation is held in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Language>))]
public enum Language
{
    Nl,
    En,
}

/// <summary>Which guided flow, if any, the conversation is in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DialogFlow>))]
public enum DialogFlow
{
    None,
    SelfCheck,
    Booking,
}

/// <summary>A yes/no question of the bot that a typed "ja" or "nee" answers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PendingQuestion>))]
public enum PendingQuestion
{
    None,

    /// <summary>"Denk je erover om jezelf iets aan te doen, of ben je nu in gevaar?"</summary>
    Safety,

    /// <summary>"Is iemand nu in gevaar?"</summary>
    SafetyOther,
}

/// <summary>
/// Everything the bot remembers about a conversation, and deliberately nothing more: ids from our
/// own content and directory, enums and numbers. Never message text, names or user ids
/// (PRODUCT.md principle 1); the privacy tests read the stored bytes to prove it.
/// </summary>
public sealed class ConversationState
{
    /// <summary>Schema version, so a rolling deploy can ignore state it does not understand.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Null until the user or their locale decided it.</summary>
    public Language? Language { get; set; }

    /// <summary>True once the user chose the language with a button (then text no longer switches it).</summary>
    public bool LanguageChosen { get; set; }

    /// <summary>True once the welcome card was shown.</summary>
    public bool Welcomed { get; set; }

    public DialogFlow Flow { get; set; }

    /// <summary>Step within <see cref="Flow"/>; meaning belongs to that flow.</summary>
    public int Step { get; set; }

    /// <summary>Self-check answers as a bit set of our own enum values.</summary>
    public int SelfCheckAnswers { get; set; }

    /// <summary>The yes/no question the bot asked last turn, if any.</summary>
    public PendingQuestion Pending { get; set; }

    /// <summary>The last topic id answered (one of our content ids), for follow-ups.</summary>
    public string? LastTopic { get; set; }

    /// <summary>True when a reply of the previous turn could not be delivered (told on the next turn).</summary>
    public bool Undelivered { get; set; }

    /// <summary>The booking in progress or made, ids and enums only.</summary>
    public BookingDraft? Booking { get; set; }
}

/// <summary>A booking in progress: only ids from our directory, enums and the times we offered.</summary>
public sealed class BookingDraft
{
    /// <summary>Our own random id; it also derives the Graph transactionId, so retries never double-book.</summary>
    public string BookingId { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>True when the employee agreed that their department and management line may be read once (not kept).</summary>
    public bool? OrgChartConsent { get; set; }

    /// <summary>VP ids that must not be offered (same team or management line), computed once after consent.</summary>
    public IList<string>? ExcludedVpIds { get; set; }

    /// <summary>VP ids in the employee's own department (for the "outside my department" filter).</summary>
    public IList<string>? OwnDepartmentVpIds { get; set; }

    /// <summary>True when the employee asked for the first available VP.</summary>
    public bool FirstAvailable { get; set; }

    public string? VpId { get; set; }

    /// <summary>"InPerson", "TeamsCall" or "Phone".</summary>
    public string? Mode { get; set; }

    /// <summary>The slots we offered; a chosen slot must be one of these.</summary>
    public IList<OfferedSlot>? Offered { get; set; }

    public string? SlotId { get; set; }

    public bool? Anonymous { get; set; }

    /// <summary>A topic id from our own list, only when the employee chose to share one.</summary>
    public string? SharedTopic { get; set; }

    /// <summary>"nl", "en" or another language code of the directory.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>Filter values from the gallery, each one of our own fixed values.</summary>
    public GalleryFilter? Filter { get; set; }

    /// <summary>The VP calendar event, once booked.</summary>
    public string? EventId { get; set; }
}

/// <summary>A slot as offered: opaque id, times, the room mailbox id (no names).</summary>
public sealed class OfferedSlot
{
    public string Id { get; set; } = string.Empty;

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string? RoomId { get; set; }
}

/// <summary>Gallery filters, each one of a fixed set of values.</summary>
public sealed class GalleryFilter
{
    public bool OutsideOwnDepartment { get; set; }

    /// <summary>"female", "male", "x" or null (no preference).</summary>
    public string? Gender { get; set; }

    public string? Language { get; set; }

    /// <summary>"internal", "external" or null.</summary>
    public string? Kind { get; set; }

    /// <summary>A topic id (focus area) or null.</summary>
    public string? Focus { get; set; }

    /// <summary>How many filters are on (shown on the folded "Filters" button).</summary>
    public int ActiveCount() =>
        (OutsideOwnDepartment ? 1 : 0) + (Gender is null ? 0 : 1) + (Language is null ? 0 : 1) + (Kind is null ? 0 : 1) + (Focus is null ? 0 : 1);
}

/// <summary>Source-generated JSON for the stored state.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class StateJsonContext : JsonSerializerContext;
