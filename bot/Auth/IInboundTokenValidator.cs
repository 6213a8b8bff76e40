namespace VpWijzer.Auth;

/// <summary>
/// Decides whether an inbound activity really comes from the Bot Connector service for this bot.
/// </summary>
/// <remarks>
/// Implementations never throw for a bad token and never log token contents; a failed result carries
/// only a <see cref="InboundAuthFailure"/> reason for our own logs. The HTTP layer answers 401 without detail.
/// </remarks>
public interface IInboundTokenValidator
{
    /// <summary>Validates the bearer token of one inbound request against the activity it carries.</summary>
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header value, e.g. <c>Bearer eyJ...</c>.</param>
    /// <param name="activityServiceUrl">The activity's <c>serviceUrl</c>; the token's <c>serviceurl</c> claim must match it.</param>
    /// <param name="activityChannelId">The activity's <c>channelId</c>; checked against the signing key's endorsements.</param>
    /// <param name="ct">Cancels the wait for metadata; cancellation surfaces as <see cref="OperationCanceledException"/>.</param>
    Task<InboundAuthResult> ValidateAsync(
        string? authorizationHeader,
        string? activityServiceUrl,
        string? activityChannelId,
        CancellationToken ct);
}
