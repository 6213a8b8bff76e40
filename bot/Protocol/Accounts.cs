using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.Protocol;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel-specific id (Teams: "29:…").</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Display name. Never logged or stored by this bot.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Entra ID object id (Teams only).</summary>
    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; set; }

    /// <summary>"user" or "bot".</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>Unknown fields, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A conversation on a channel.</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Conversation name (group chats).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Teams: "personal", "groupChat" or "channel".</summary>
    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; set; }

    /// <summary>Entra tenant id.</summary>
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    /// <summary>True for group conversations.</summary>
    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; set; }

    /// <summary>Unknown fields, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An attachment, usually an Adaptive Card.</summary>
public sealed class Attachment
{
    /// <summary>MIME type, e.g. <see cref="ContentTypes.AdaptiveCard"/>.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    /// <summary>Link to the content, for files.</summary>
    [JsonPropertyName("contentUrl")]
    public string? ContentUrl { get; set; }

    /// <summary>Inline content, e.g. the card JSON.</summary>
    [JsonPropertyName("content")]
    public JsonElement? Content { get; set; }

    /// <summary>File name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Unknown fields, kept for round trips.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An entity attached to an activity (mention, clientInfo, …); all fields but the type are kept as-is.</summary>
public sealed class Entity
{
    /// <summary>"mention", "clientInfo", …</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The entity's other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Reads a string property, or null.</summary>
    public string? GetString(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>What the bot needs to message a conversation proactively.</summary>
public sealed class ConversationReference
{
    /// <summary>Id of the activity the reference was taken from.</summary>
    [JsonPropertyName("activityId")]
    public string? ActivityId { get; set; }

    /// <summary>The user.</summary>
    [JsonPropertyName("user")]
    public ChannelAccount? User { get; set; }

    /// <summary>The bot.</summary>
    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; set; }

    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The channel.</summary>
    [JsonPropertyName("channelId")]
    public string? ChannelId { get; set; }

    /// <summary>Where to send.</summary>
    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }

    /// <summary>The user's locale.</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    /// <summary>A new message activity addressed to this conversation.</summary>
    public Activity CreateMessage() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, TenantId = Conversation.TenantId, ConversationType = Conversation.ConversationType },
        From = Bot is null ? null : new ChannelAccount { Id = Bot.Id, Name = Bot.Name },
        Recipient = User is null ? null : new ChannelAccount { Id = User.Id },
        Locale = Locale,
    };
}
