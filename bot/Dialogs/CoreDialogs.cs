using VpWijzer.Cards;
using VpWijzer.Protocol;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>Welcome, menu, help, stop and language: the routes that work anywhere in a conversation.</summary>
public sealed class CoreDialogs : IRouteModule, ITurnErrorReporter
{
    public void Register(RouterBuilder routes)
    {
        routes
            .OnActivity(ActivityTypes.ConversationUpdate, OnConversationUpdateAsync)
            .OnActivity(ActivityTypes.InstallationUpdate, OnInstallationUpdateAsync)
            .OnCommand(string.Empty, ShowMenuAsync)
            .OnCommand("menu", ShowMenuAsync)
            .OnCommand("start", ShowMenuAsync)
            .OnCommand("help", ShowHelpAsync)
            .OnCommand("hulp", ShowHelpAsync)
            .OnCommand("stop", StopAsync)
            .OnCommand("opnieuw", StopAsync)
            .OnCommand("english", ctx => SwitchAsync(ctx, Language.En))
            .OnCommand("engels", ctx => SwitchAsync(ctx, Language.En))
            .OnCommand("nederlands", ctx => SwitchAsync(ctx, Language.Nl))
            .OnCommand("dutch", ctx => SwitchAsync(ctx, Language.Nl))
            .OnVerb(CardVerbs.Menu, (ctx, _) => ShowMenuAsync(ctx))
            .OnVerb(CardVerbs.Help, (ctx, _) => ShowHelpAsync(ctx))
            .OnVerb(CardVerbs.Stop, (ctx, _) => StopAsync(ctx))
            .OnRejectedAction(RejectedAsync);
    }

    public void Report(TurnContext context)
    {
        var l = context.Language;
        var text = l.Pick(
            "Sorry, er ging iets mis aan mijn kant. Probeer het zo nog eens, of typ **menu**. Wat je typte is niet bewaard.",
            "Sorry, something went wrong on my side. Please try again in a moment, or type **menu**. What you typed has not been kept.");
        if (context.Activity.Type == ActivityTypes.Invoke)
        {
            context.InvokeResponse = InvokeResponses.Message(text);
        }
        else
        {
            context.SendText(text);
        }
    }

    private static Task OnConversationUpdateAsync(TurnContext context)
    {
        // Teams sends this when the bot is added to a personal chat; the Playground and Web Chat when
        // a conversation starts. One welcome per conversation is enough.
        if (context.Activity.MembersAdded is { Count: > 0 } && !context.State.Welcomed)
        {
            context.State.Welcomed = true;
            context.SendCard(WelcomeCard.Create(new WelcomeView(context.Language)), context.Language.Pick("Welkom bij VP-wijzer", "Welcome to VP-wijzer"));
        }

        return Task.CompletedTask;
    }

    private static Task OnInstallationUpdateAsync(TurnContext context)
    {
        // Teams also sends conversationUpdate on install, which welcomes; uninstall means forget.
        if (string.Equals(context.Activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
        {
            context.ForgetState = true;
        }

        return Task.CompletedTask;
    }

    private static Task ShowMenuAsync(TurnContext context)
    {
        context.State.Flow = DialogFlow.None;
        context.State.Step = 0;
        context.State.Welcomed = true;
        context.SendCard(WelcomeCard.Create(new WelcomeView(context.Language)), context.Language.Pick("Menu", "Menu"));
        return Task.CompletedTask;
    }

    private static Task ShowHelpAsync(TurnContext context)
    {
        context.State.Flow = DialogFlow.None;
        context.State.Step = 0;
        context.SendCard(HelpCard.Create(new HelpView(context.Language, NotUnderstood: false)), context.Language.Pick("Dit kan ik voor je doen", "This is what I can do"));
        return Task.CompletedTask;
    }

    private static Task StopAsync(TurnContext context)
    {
        context.ForgetState = true;
        context.SendText(context.Language.Pick(
            "Oké, ik ben gestopt en vergeten waar we waren. Heb je een afspraak met een VP gemaakt? Die blijft staan, ook de uitnodiging in de agenda, tot je afzegt. Dat kan met de knop bij je afspraak hierboven. Typ gerust iets als je opnieuw wilt beginnen.",
            "Okay, I've stopped and forgotten where we were. Did you book a conversation with a VP? That booking stays, and so does the calendar invitation, until you cancel. You can do that with the button on your booking above. Type anything whenever you want to start again."));
        return Task.CompletedTask;
    }

    private static Task SwitchAsync(TurnContext context, Language language)
    {
        context.Language = language;
        context.State.Language = language;
        context.State.LanguageChosen = true;
        context.SendCard(WelcomeCard.Create(new WelcomeView(language)), language.Pick("Ik praat nu Nederlands met je", "I'll speak English with you now"));
        return Task.CompletedTask;
    }

    private static Task RejectedAsync(TurnContext context, RejectedActionReason reason)
    {
        var text = context.Language.Pick(
            "Deze knop werkt niet (meer). Misschien is het gesprek intussen verder gegaan. Kies hieronder opnieuw.",
            "This button no longer works. Perhaps the conversation has moved on. Please choose again below.");
        if (context.Activity.Type == ActivityTypes.Invoke)
        {
            context.InvokeResponse = InvokeResponses.Message(text);
            return Task.CompletedTask;
        }

        context.SendText(text);
        context.SendCard(WelcomeCard.Create(new WelcomeView(context.Language)), context.Language.Pick("Menu", "Menu"));
        return Task.CompletedTask;
    }
}
