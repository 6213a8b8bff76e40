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

    /// <summary>The last topic id answered (one of our content ids), for follow-ups.</summary>
    public string? LastTopic { get; set; }

    /// <summary>The booking in progress or made, ids and enums only.</summary>
    public BookingDraft? Booking { get; set; }
}

/// <summary>A booking in progress: only ids from our directory and enums.</summary>
public sealed class BookingDraft
{
    public string? VpId { get; set; }

    public string? Mode { get; set; }

    public string? SlotId { get; set; }

    public string? RoomId { get; set; }

    public bool? Anonymous { get; set; }

    public string? SharedTopic { get; set; }

    public Language? PreferredLanguage { get; set; }

    public string? BookingId { get; set; }

    /// <summary>Filter choices in the VP gallery, each one of our own enum-like values.</summary>
    public IList<string>? Filters { get; set; }
}

/// <summary>Source-generated JSON for the stored state.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class StateJsonContext : JsonSerializerContext;
