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
        try
        {
            context.State = await accessor.LoadAsync(key, context.CancellationToken).ConfigureAwait(false);
        }
        catch (StateStoreUnavailableException)
        {
            // Without state the bot cannot follow a conversation; say so plainly instead of guessing.
            var l = LanguageMiddleware.FromLocale(context.Activity.Locale);
            const string nl = "Het lukt me op dit moment niet om ons gesprek bij te houden. Probeer het over een paar minuten nog eens. Wat je typte is niet bewaard.";
            const string en = "I can't keep track of our conversation right now. Please try again in a few minutes. What you typed has not been kept.";
            if (context.Activity.Type == Protocol.ActivityTypes.Invoke)
            {
                context.InvokeResponse = InvokeResponses.Message(l == Language.En ? en : nl);
            }
            else if (context.Activity.Type == Protocol.ActivityTypes.Message)
            {
                context.SendText(l == Language.En ? en : nl);
            }

            return;
        }

        if (context.State.Undelivered && context.Activity.Type == Protocol.ActivityTypes.Message)
        {
            context.State.Undelivered = false;
            context.SendText(LanguageMiddleware.FromLocale(context.Activity.Locale) == Language.En
                ? "My previous answer may not have reached you. Sorry! Here is my answer to your new message."
                : "Mijn vorige antwoord is misschien niet bij je aangekomen. Excuus! Hieronder mijn antwoord op je nieuwe bericht.");
        }

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
