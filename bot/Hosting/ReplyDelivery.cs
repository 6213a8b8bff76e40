using VpWijzer.Connector;
using VpWijzer.Protocol;

namespace VpWijzer.Hosting;

/// <summary>Posts a turn's replies to the Bot Connector, in order.</summary>
public sealed class ReplyDelivery(IConnectorClient connector, ILogger<ReplyDelivery> logger)
{
    /// <summary>Returns how many replies could not be delivered (after the connector's retries).</summary>
    public async Task<int> DeliverAsync(IReadOnlyList<Activity> replies, CancellationToken ct)
    {
        var failed = 0;
        foreach (var reply in replies)
        {
            try
            {
                if (string.IsNullOrEmpty(reply.ReplyToId))
                {
                    await connector.SendToConversationAsync(reply, ct).ConfigureAwait(false);
                }
                else
                {
                    await connector.ReplyToActivityAsync(reply, ct).ConfigureAwait(false);
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
