using VpWijzer.Cards;
using VpWijzer.Figures;
using VpWijzer.Knowledge;
using VpWijzer.Protocol;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// Runs before routing on every typed message, whatever flow the conversation is in (PRODUCT.md principle 5, issue 15):
/// <c>acute</c> gets the crisis card and nothing else; <c>possible</c> gets the emergency lines and the direct question
/// first, then the turn goes on as usual (the answer, the booking step, …).
/// </summary>
public sealed class CrisisMiddleware(KnowledgeBase knowledge, CrisisScreener screener) : ITurnMiddleware
{
    public Task InvokeAsync(TurnContext context, Func<Task> continuation)
    {
        var activity = context.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return continuation();
        }

        var pending = context.State.Pending;
        context.State.Pending = PendingQuestion.None;
        var answer = pending == PendingQuestion.None ? SmallTalkKind.None : SmallTalk.Detect(activity.Text);
        if (answer is SmallTalkKind.Yes or SmallTalkKind.No)
        {
            // A typed "ja" or "nee" to "ben je nu in gevaar?" answers it, as the Ja / Nee buttons would.
            AnswerSafety(context, knowledge, answer == SmallTalkKind.Yes, pending == PendingQuestion.SafetyOther ? DangerTo.Other : DangerTo.Self);
            return Task.CompletedTask;
        }

        var safety = screener.Assess(activity.Text);
        context.Safety = safety;
        Telemetry.BotTelemetry.Safety(safety.Wire);
        if (safety.Level == SafetyLevel.Acute)
        {
            ShowCrisis(context, knowledge, safety.To);
            return Task.CompletedTask;
        }

        if (safety.Level == SafetyLevel.Possible)
        {
            AskSafety(context, safety.To);
        }

        return continuation();
    }

    public static readonly Localized NotInDanger = new(
        "Fijn dat je het laat weten. Lees gerust verder of stel je vraag. Wordt het toch anders: 113 en 112 zijn er dag en nacht.",
        "Thank you for letting me know. Feel free to read on or ask your question. If that changes: 113 and 112 are there day and night.");

    /// <summary>The answer to "ben je nu in gevaar?", typed or tapped: yes gets the crisis card, no a calm line and the way on.</summary>
    public static void AnswerSafety(TurnContext context, KnowledgeBase knowledge, bool inDanger, DangerTo to)
    {
        context.State.Pending = PendingQuestion.None;
        if (inDanger)
        {
            ShowCrisis(context, knowledge, to);
        }
        else
        {
            context.SendText(NotInDanger.For(context.Language));
        }
    }

    /// <summary>The possible level: the emergency lines and the direct question, before whatever the turn answers.</summary>
    public static void AskSafety(TurnContext context, DangerTo to)
    {
        context.State.Pending = to == DangerTo.Other ? PendingQuestion.SafetyOther : PendingQuestion.Safety;
        context.SendCard(SafetyCheckCard.Create(new SafetyCheckView(context.Language, to)), context.Language.Pick("In gevaar? Bel 112 of 113.", "In danger? Call 112 or 113."));
    }

    /// <summary>The crisis card, for the writer or for someone else.</summary>
    public static void ShowCrisis(TurnContext context, KnowledgeBase knowledge, DangerTo to)
    {
        var text = knowledge[TopicIds.Crisis].Text(context.Language);
        context.State.LastTopic = TopicIds.Crisis;
        context.CountCrisis();
        context.SendCard(CrisisCard.Create(new CrisisView(context.Language, text.Title, text.Answer, to)), text.Title);
    }
}
