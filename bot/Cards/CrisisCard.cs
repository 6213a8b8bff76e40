using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

public sealed record CrisisView(Language Language, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>
/// Emergency routes first, always (PRODUCT.md principle 5). The first element is the attention
/// block with 112 and 113; nothing above it, and never a question.
/// </summary>
public static class CrisisCard
{
    public static AdaptiveCard Create(CrisisView view)
    {
        var l = view.Language;
        var first = view.Paragraphs.Count > 0 ? view.Paragraphs[0] : CommonText.SafetyLine.For(l);
        var body = new List<CardElement>
        {
            new Container
            {
                Style = "attention",
                Items =
                [
                    new TextBlock(view.Title) { Weight = "Bolder", Size = "Medium", Style = "heading" },
                    new TextBlock(first),
                ],
            },
        };
        body.AddRange(view.Paragraphs.Skip(1).Select(p => new TextBlock(p)));

        return new AdaptiveCard
        {

            FallbackText = l.Pick("Acuut gevaar: bel 112. Denk je aan zelfdoding: bel 113 of 0800-0113.", "Acute danger: call 112. Thinking about suicide: call 113 or 0800-0113."),
            Speak = l.Pick("Bel 112 bij acuut gevaar. Denk je aan zelfdoding, bel 113 of gratis 0800 0113.", "Call 112 in acute danger. If you are thinking about suicide, call 113 or free 0800 0113."),
            Body = body,
            Actions =
            [
                new ActionOpenUrl { Title = l.Pick("Chat met 113", "Chat with 113"), Url = "https://www.113.nl" },
                CardActions.Submit(CommonText.TalkToVp.For(l), CardVerbs.TalkToVp, NoPayload.Instance),
                CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance),
            ],
        };
    }
}
