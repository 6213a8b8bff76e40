using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>Loads the conversation's state before routing and saves (or forgets) it after.</summary>
public sealed class StateMiddleware(ConversationStateAccessor accessor) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, Func<Task> continuation)
    {
        var conversationId = context.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            await continuation().ConfigureAwait(false);
            return;
        }

        var key = accessor.KeyFor(context.Activity.ChannelId ?? string.Empty, conversationId);
        context.State = await accessor.LoadAsync(key, context.CancellationToken).ConfigureAwait(false);

        await continuation().ConfigureAwait(false);

        if (context.ForgetState)
        {
            await accessor.DeleteAsync(key, context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            await accessor.SaveAsync(key, context.State, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
