using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.Protocol;

/// <summary>The Bot Connector's answer to a send: the new activity id.</summary>
public sealed class ResourceResponse
{
    /// <summary>Id of the created resource.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>Body of <c>POST /v3/conversations</c> (create a conversation, e.g. a proactive 1:1).</summary>
public sealed class ConversationParameters
{
    /// <summary>True for a group conversation; 1:1 is false.</summary>
    [JsonPropertyName("isGroup")]
    public bool IsGroup { get; set; }

    /// <summary>The bot.</summary>
    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; set; }

    /// <summary>Members: for a Teams 1:1 the user's id or Entra object id.</summary>
    [JsonPropertyName("members")]
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>The tenant (required by Teams).</summary>
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    /// <summary>Teams channel data, e.g. <c>{ "tenant": { "id": … } }</c>.</summary>
    [JsonPropertyName("channelData")]
    public JsonElement? ChannelData { get; set; }

    /// <summary>Optional first message.</summary>
    [JsonPropertyName("activity")]
    public Activity? Activity { get; set; }
}

/// <summary>The Bot Connector's answer to creating a conversation.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>The new conversation's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Id of the first activity, if one was sent.</summary>
    [JsonPropertyName("activityId")]
    public string? ActivityId { get; set; }

    /// <summary>Service URL to use from now on, if different.</summary>
    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }
}

/// <summary>A conversation member as Teams returns it from <c>GET /v3/conversations/{id}/members/{memberId}</c>.</summary>
public sealed class TeamsChannelAccount
{
    /// <summary>Channel id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Entra object id.</summary>
    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; set; }

    /// <summary>User principal name.</summary>
    [JsonPropertyName("userPrincipalName")]
    public string? UserPrincipalName { get; set; }

    /// <summary>Tenant id.</summary>
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    /// <summary>Unknown fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>What an invoke turn answers in the HTTP body.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The <c>adaptiveCard/action</c> response body, or null for an empty body.</param>
public sealed record InvokeResponse(int Status, AdaptiveCardInvokeResponse? Body);

/// <summary>Body of an <c>adaptiveCard/action</c> invoke response.</summary>
/// <remarks>https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview</remarks>
public sealed class AdaptiveCardInvokeResponse
{
    /// <summary>200 for a card or message.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; } = 200;

    /// <summary><see cref="ContentTypes.AdaptiveCard"/> or <see cref="ContentTypes.ActivityMessage"/>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = ContentTypes.AdaptiveCard;

    /// <summary>The card (object) or message (string).</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; set; }
}

/// <summary>The error body the Bot Connector returns.</summary>
public sealed class ErrorResponse
{
    /// <summary>The error.</summary>
    [JsonPropertyName("error")]
    public ErrorDetail? Error { get; set; }
}

/// <summary>An error code and message.</summary>
public sealed class ErrorDetail
{
    /// <summary>Code.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
