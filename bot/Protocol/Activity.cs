using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.Protocol;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Only the fields this bot reads or writes
/// are typed; everything else survives a round trip in <see cref="ExtensionData"/>.
/// </summary>
/// <remarks>Schema: https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md</remarks>
public sealed class Activity
{
    /// <summary>The activity type, one of <see cref="ActivityTypes"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The id the channel gave this activity.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>UTC time the activity was sent.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Sender's local time.</summary>
    [JsonPropertyName("localTimestamp")]
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>Sender's IANA time zone.</summary>
    [JsonPropertyName("localTimezone")]
    public string? LocalTimezone { get; set; }

    /// <summary>Where replies for this conversation go.</summary>
    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }

    /// <summary>The channel, one of <see cref="Channels"/>.</summary>
    [JsonPropertyName("channelId")]
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    [JsonPropertyName("from")]
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The receiver.</summary>
    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; set; }

    /// <summary>"markdown", "plain" or "xml".</summary>
    [JsonPropertyName("textFormat")]
    public string? TextFormat { get; set; }

    /// <summary>BCP-47 locale of the sender, e.g. "nl-NL".</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    /// <summary>Message text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Text for screen readers and notifications.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>Attachments such as Adaptive Cards.</summary>
    [JsonPropertyName("attachments")]
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>"list" or "carousel".</summary>
    [JsonPropertyName("attachmentLayout")]
    public string? AttachmentLayout { get; set; }

    /// <summary>Mentions, clientInfo and other entities.</summary>
    [JsonPropertyName("entities")]
    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific data (Teams: tenant, team, notification settings).</summary>
    [JsonPropertyName("channelData")]
    public JsonElement? ChannelData { get; set; }

    /// <summary>The activity this one replies to.</summary>
    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; set; }

    /// <summary>Payload of an <c>Action.Submit</c> or an invoke.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; set; }

    /// <summary>Name of an invoke or event.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>installationUpdate: "add" or "remove".</summary>
    [JsonPropertyName("action")]
    public string? Action { get; set; }

    /// <summary>conversationUpdate: members that joined.</summary>
    [JsonPropertyName("membersAdded")]
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>conversationUpdate: members that left.</summary>
    [JsonPropertyName("membersRemoved")]
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>"acceptingInput", "expectingInput" or "ignoringInput".</summary>
    [JsonPropertyName("inputHint")]
    public string? InputHint { get; set; }

    /// <summary>Fields this model does not name, kept so they round-trip unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The tenant of the conversation (Teams puts it in conversation and channelData).</summary>
    [JsonIgnore]
    public string? TenantId
    {
        get
        {
            if (!string.IsNullOrEmpty(Conversation?.TenantId))
            {
                return Conversation.TenantId;
            }

            if (ChannelData is { ValueKind: JsonValueKind.Object } data
                && data.TryGetProperty("tenant", out var tenant)
                && tenant.ValueKind == JsonValueKind.Object
                && tenant.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String)
            {
                return id.GetString();
            }

            return null;
        }
    }

    /// <summary>Creates a message that replies to this activity in the same conversation.</summary>
    public Activity CreateReply()
    {
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId, IsGroup = Conversation.IsGroup },
            From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
            Recipient = From is null ? null : new ChannelAccount { Id = From.Id },
            ReplyToId = Id,
            Locale = Locale,
        };
    }

    /// <summary>A reference that lets the bot message this conversation later (proactively).</summary>
    public ConversationReference GetConversationReference()
    {
        return new ConversationReference
        {
            ActivityId = Id,
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            Locale = Locale,
            Bot = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
            User = From is null ? null : new ChannelAccount { Id = From.Id, AadObjectId = From.AadObjectId },
            Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, ConversationType = Conversation.ConversationType, TenantId = TenantId },
        };
    }
}
