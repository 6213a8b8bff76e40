using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

/// <summary>
/// A topic shown to the user, with the ids and titles of the topics to offer next. <see cref="More"/> holds the
/// paragraphs behind "Meer uitleg".
/// </summary>
public sealed record AnswerView(
    Language Language,
    string TopicId,
    string Title,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<(string TopicId, string Title)> FollowUps,
    bool OfferVp,
    IReadOnlyList<string>? More = null);

/// <summary>The answer to a question: our content only, never the user's words.</summary>
public static class AnswerCard
{
    public static AdaptiveCard Create(AnswerView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(view.Title) { Size = "Medium", Weight = "Bolder", Style = "heading" },
        };
        body.AddRange(view.Paragraphs.Select(p => new TextBlock(p)));

        // The first bubble stays short; the rest opens in place (Action.ShowCard needs no round trip to the bot).
        if (view.More is { Count: > 0 } more)
        {
            body.Add(new ActionSet
            {
                Actions = [new ActionShowCard { Title = l.Pick("Meer uitleg", "More detail"), Card = new AdaptiveCard { Body = more.Select(p => (CardElement)new TextBlock(p)).ToList() } }],
            });
        }

        if (view.FollowUps.Count > 0)
        {
            body.Add(new TextBlock(l.Pick("Misschien wil je ook weten:", "You may also want to know:")) { IsSubtle = true, Separator = true, Spacing = "Medium" });
            body.Add(new ActionSet
            {
                Actions = view.FollowUps.Take(3).Select(f => (CardAction)CardActions.Submit(f.Title, CardVerbs.ShowTopic, new TopicPayload(f.TopicId))).ToList(),
            });
        }

        var actions = new List<CardAction>();
        if (view.OfferVp)
        {
            actions.Add(CardActions.Submit(CommonText.TalkToVp.For(l), CardVerbs.TalkToVp, NoPayload.Instance, style: "positive"));
        }

        // The language switch lives in the menu (welcome and help cards), not on every answer (issue 20): one button less.
        actions.Add(CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance));

        return new AdaptiveCard { FallbackText = view.Title, Body = body, Actions = actions };
    }
}
