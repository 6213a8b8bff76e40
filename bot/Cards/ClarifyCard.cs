using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

public sealed record ClarifyView(Language Language, IReadOnlyList<(string TopicId, string Title)> Options);

/// <summary>"Do you mean one of these?" when the recogniser is not sure.</summary>
public static class ClarifyCard
{
    public static AdaptiveCard Create(ClarifyView view)
    {
        var l = view.Language;
        var actions = view.Options.Take(3)
            .Select(o => (CardAction)CardActions.Submit(o.Title, CardVerbs.ShowTopic, new TopicPayload(o.TopicId)))
            .ToList();
        actions.Add(CardActions.Submit(l.Pick("Iets anders", "Something else"), CardVerbs.Help, NoPayload.Instance));

        return new AdaptiveCard
        {

            FallbackText = l.Pick("Bedoel je een van deze onderwerpen?", "Do you mean one of these topics?"),
            Body =
            [
                new TextBlock(l.Pick("Ik weet niet zeker wat je bedoelt. Gaat je vraag over een van deze onderwerpen?", "I'm not sure what you mean. Is your question about one of these topics?")),
                new ActionSet { Actions = actions },
                new TextBlock(l.Pick("Je kunt je vraag ook in andere woorden typen.", "You can also type your question in other words.")) { IsSubtle = true },
            ],
        };
    }
}
