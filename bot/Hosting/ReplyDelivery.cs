using VpWijzer.Connector;
using VpWijzer.Protocol;
using VpWijzer.Routing;

namespace VpWijzer.Hosting;

/// <summary>Posts a turn's replies to the Bot Connector, in order.</summary>
public sealed class ReplyDelivery(IConnectorClient connector, ILogger<ReplyDelivery> logger)
{
    /// <summary>Sends one activity now, during the turn (the typing indicator).</summary>
    public async Task SendNowAsync(Activity activity, CancellationToken ct)
    {
        activity.ReplyToId = null;
        await connector.SendToConversationAsync(activity, ct).ConfigureAwait(false);
    }

    /// <summary>Returns how many replies could not be delivered (after the connector's retries).</summary>
    public async Task<int> DeliverAsync(TurnResult turn, CancellationToken ct)
    {
        var failed = 0;
        foreach (var reply in turn.Replies)
        {
            try
            {
                var sent = string.IsNullOrEmpty(reply.ReplyToId)
                    ? await connector.SendToConversationAsync(reply, ct).ConfigureAwait(false)
                    : await connector.ReplyToActivityAsync(reply, ct).ConfigureAwait(false);
                if (sent?.Id is { } id)
                {
                    foreach (var (_, callback) in turn.DeliveryCallbacks.Where(c => ReferenceEquals(c.Reply, reply)))
                    {
                        await callback(id, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (ConnectorException ex)
            {
                failed++;
                Log.DeliveryFailed(logger, (int)(ex.StatusCode ?? 0));
            }
            catch (HttpRequestException)
            {
                failed++;
                Log.DeliveryFailed(logger, 0);
            }
        }

        return failed;
    }
}
