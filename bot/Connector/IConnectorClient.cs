using VpWijzer.Protocol;

namespace VpWijzer.Connector;

/// <summary>
/// The outgoing half of the Bot Framework protocol: the Bot Connector REST API at the conversation's
/// <c>serviceUrl</c>. Calls are retried and paced per conversation; failures that remain throw
/// <see cref="ConnectorException"/>.
/// </summary>
/// <remarks>API reference: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference</remarks>
public interface IConnectorClient
{
    /// <summary>
    /// Replies to an activity: <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>.
    /// Without a <see cref="Activity.ReplyToId"/> it sends to the conversation instead.
    /// </summary>
    /// <param name="reply">The reply; needs <see cref="Activity.ServiceUrl"/> and <c>Conversation.Id</c>.</param>
    /// <param name="ct">Cancels the call, including waiting for the conversation's send rate.</param>
    /// <returns>The new activity's id, or null when the service returned none.</returns>
    /// <exception cref="ArgumentException">The activity has no valid service URL or conversation id.</exception>
    /// <exception cref="ConnectorException">The call failed after retries.</exception>
    Task<ResourceResponse?> ReplyToActivityAsync(Activity reply, CancellationToken ct);

    /// <summary>Appends an activity to a conversation: <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>.</summary>
    /// <param name="activity">The activity; needs <see cref="Activity.ServiceUrl"/> and <c>Conversation.Id</c>.</param>
    /// <param name="ct">Cancels the call, including waiting for the conversation's send rate.</param>
    /// <returns>The new activity's id, or null when the service returned none.</returns>
    /// <exception cref="ArgumentException">The activity has no valid service URL or conversation id.</exception>
    /// <exception cref="ConnectorException">The call failed after retries.</exception>
    Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken ct);

    /// <summary>
    /// Replaces an activity the bot sent earlier (e.g. a card after a button press):
    /// <c>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c> with <see cref="Activity.Id"/> as the id.
    /// </summary>
    /// <param name="activity">The new content; needs <see cref="Activity.Id"/>, <see cref="Activity.ServiceUrl"/> and <c>Conversation.Id</c>.</param>
    /// <param name="ct">Cancels the call, including waiting for the conversation's send rate.</param>
    /// <exception cref="ArgumentException">The activity has no valid service URL, conversation id or id.</exception>
    /// <exception cref="ConnectorException">The call failed after retries.</exception>
    Task UpdateActivityAsync(Activity activity, CancellationToken ct);

    /// <summary>Creates a conversation, e.g. a proactive 1:1 with a VP: <c>POST {serviceUrl}/v3/conversations</c>.</summary>
    /// <param name="serviceUrl">The service URL of the tenant's region, from a stored conversation reference.</param>
    /// <param name="parameters">Bot, members, tenant and optional first activity.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The new conversation's id (and the first activity's id, if one was sent).</returns>
    /// <exception cref="ArgumentException">The service URL is not an absolute http(s) URI.</exception>
    /// <exception cref="ConnectorException">The call failed after retries, or the answer had no conversation id.</exception>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct);

    /// <summary>Reads one member of a conversation: <c>GET {serviceUrl}/v3/conversations/{conversationId}/members/{memberId}</c>.</summary>
    /// <param name="serviceUrl">The conversation's service URL.</param>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="memberId">The member's channel id or Entra object id.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The member, or null when the service answers 404 (not a member).</returns>
    /// <exception cref="ArgumentException">An argument is empty or the service URL is invalid.</exception>
    /// <exception cref="ConnectorException">The call failed after retries.</exception>
    Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct);
}
