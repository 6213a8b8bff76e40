using VpWijzer.Cards;
using VpWijzer.Figures;
using VpWijzer.Knowledge;
using VpWijzer.Protocol;
using VpWijzer.Routing;

namespace VpWijzer.Dialogs;

/// <summary>
/// Runs before routing on every typed message, whatever flow the conversation is in: signs of
/// acute danger or suicidal thoughts always get the emergency routes first (PRODUCT.md principle 5).
/// </summary>
public sealed class CrisisMiddleware(KnowledgeBase knowledge) : ITurnMiddleware
{
    public Task InvokeAsync(TurnContext context, Func<Task> continuation)
    {
        var activity = context.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return continuation();
        }

        if (CrisisDetector.IsCrisis(activity.Text))
        {
            var text = knowledge[TopicIds.Crisis].Text(context.Language);
            context.State.LastTopic = TopicIds.Crisis;
            context.CountCrisis();
            context.SendCard(CrisisCard.Create(new CrisisView(context.Language, text.Title, text.Answer)), text.Title);
            return Task.CompletedTask;
        }

        context.CrisisRuledOut = true;
        return continuation();
    }
}
