using VpWijzer.Knowledge;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

/// <param name="Paragraphs">The crisis topic's answer; its first paragraph (the emergency lines) is replaced by the tap-to-call block.</param>
/// <param name="To">Whose danger: the writer's own, or someone else's (a colleague, a client, a relative).</param>
public sealed record CrisisView(Language Language, string Title, IReadOnlyList<string> Paragraphs, DangerTo To = DangerTo.Self);

/// <summary>
/// Emergency routes first, always (PRODUCT.md principle 5, issue 15). The first element is the attention block with
/// 112 and 113 and tap-to-call buttons (<c>tel:</c>, which Teams and phones open in the dialler); then one short warm
/// line; nothing above it, and never a question.
/// </summary>
public static class CrisisCard
{
    public static AdaptiveCard Create(CrisisView view)
    {
        var l = view.Language;
        var other = view.To == DangerTo.Other;
        var lines = other
            ? new[]
            {
                l.Pick("**Is iemands leven nu in gevaar? Bel 112.**", "**Is someone's life in danger now? Call 112.**"),
                l.Pick("Maak je je zorgen dat iemand zichzelf iets aandoet? Ook dan helpt 113 je: bel **113** of gratis **0800-0113**, dag en nacht.", "Worried that someone will harm themselves? 113 helps you too: call **113** or free **0800-0113**, day and night."),
                l.Pick("Blijf bij de persoon als dat veilig kan.", "Stay with the person if it is safe to do so."),
            }
            : new[]
            {
                l.Pick("**In acuut gevaar? Bel 112.**", "**In acute danger? Call 112.**"),
                l.Pick("Denk je aan zelfdoding? Bel **113** of gratis **0800-0113**, dag en nacht. Of chat met 113.", "Thinking about suicide? Call **113** or free **0800-0113**, day and night. Or chat with 113."),
            };
        var warm = other
            ? l.Pick("Goed dat je hulp zoekt voor een ander. Als het voorbij is, kun je met een vertrouwenspersoon praten over wat je meemaakte.", "It's good that you are getting help for someone else. When it is over, you can talk to a confidential adviser about what you went through.")
            : l.Pick("Fijn dat je het hier zegt. Je hoeft dit niet alleen te dragen.", "Thank you for saying it here. You don't have to carry this alone.");

        var block = new List<CardElement> { new TextBlock(other ? l.Pick("Iemand in gevaar", "Someone in danger") : view.Title) { Weight = "Bolder", Size = "Medium", Style = "heading" } };
        block.AddRange(lines.Select(t => new TextBlock(t)));
        block.Add(new ActionSet { Actions = CallActions(l) });
        var body = new List<CardElement>
        {
            new Container { Style = "attention", Items = block },
            new TextBlock(warm),
        };
        // The rest of the crisis answer (other help lines, the VP afterwards) is one tap away, so on a phone the whole
        // card fits the screen and its first line, the emergency lines, is what a person sees (issue 20).
        var more = view.Paragraphs.Skip(1).Select(p => (CardElement)new TextBlock(p)).ToList();
        var actions = new List<CardAction>();
        if (more.Count > 0)
        {
            actions.Add(new ActionShowCard { Title = l.Pick("Andere hulp", "Other help"), Card = new AdaptiveCard { Body = more } });
        }

        actions.Add(CardActions.Submit(CommonText.TalkToVp.For(l), CardVerbs.TalkToVp, NoPayload.Instance));
        actions.Add(CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance));

        return new AdaptiveCard
        {
            FallbackText = other
                ? l.Pick("Iemand in gevaar: bel 112. Zorgen om iemand: bel 113 of 0800-0113.", "Someone in danger: call 112. Worried about someone: call 113 or 0800-0113.")
                : l.Pick("Acuut gevaar: bel 112. Denk je aan zelfdoding: bel 113 of 0800-0113.", "Acute danger: call 112. Thinking about suicide: call 113 or 0800-0113."),
            Speak = other
                ? l.Pick("Is iemands leven in gevaar, bel 112. Zorgen om iemand, bel 113 of gratis 0800 0113.", "If someone's life is in danger, call 112. Worried about someone, call 113 or free 0800 0113.")
                : l.Pick("Bel 112 bij acuut gevaar. Denk je aan zelfdoding, bel 113 of gratis 0800 0113.", "Call 112 in acute danger. If you are thinking about suicide, call 113 or free 0800 0113."),
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>Tap to call 112 and 113 (and 113's free number), and 113's chat: the same in every card that names them.</summary>
    public static List<CardAction> CallActions(Language l)
    {
        var call112 = new ActionOpenUrl { Title = l.Pick("Bel 112", "Call 112"), Url = "tel:112", Style = "destructive" };
        var call113 = new ActionOpenUrl { Title = l.Pick("Bel 113", "Call 113"), Url = "tel:113" };
        var free113 = new ActionOpenUrl { Title = l.Pick("Bel gratis 0800-0113", "Call free 0800-0113"), Url = "tel:08000113" };
        var chat113 = new ActionOpenUrl { Title = l.Pick("Chat met 113", "Chat with 113"), Url = "https://www.113.nl" };
        return [call112, call113, free113, chat113];
    }
}

public sealed record SafetyCheckView(Language Language, DangerTo To);

/// <summary>
/// The <c>possible</c> level (issue 15): before the answer, the emergency lines and one direct question with Ja / Nee.
/// 113's own guidance: asking directly about suicidal thoughts does not put the idea in someone's head.
/// </summary>
public static class SafetyCheckCard
{
    public static AdaptiveCard Create(SafetyCheckView view)
    {
        var l = view.Language;
        var other = view.To == DangerTo.Other;
        var question = other
            ? l.Pick("Is iemand nu in gevaar, of denk je dat iemand zichzelf iets wil aandoen?", "Is someone in danger now, or do you think someone wants to harm themselves?")
            : l.Pick("Denk je erover om jezelf iets aan te doen, of ben je nu in gevaar?", "Are you thinking about harming yourself, or are you in danger right now?");
        return new AdaptiveCard
        {
            FallbackText = l.Pick("In acuut gevaar? Bel 112. Denk je aan zelfdoding? Bel 113 of 0800-0113. ", "In acute danger? Call 112. Thinking about suicide? Call 113 or 0800-0113. ") + question,
            Speak = question,
            Body =
            [
                new Container
                {
                    Style = "attention",
                    Items =
                    [
                        new TextBlock(CommonText.SafetyLine.For(l)),
                        new ActionSet { Actions = CrisisCard.CallActions(l).Take(2).ToList() },
                    ],
                },
                new TextBlock(question) { Weight = "Bolder" },
            ],
            Actions =
            [
                CardActions.Submit(l.Pick("Ja", "Yes"), CardVerbs.SafetyAnswer, new SafetyAnswerPayload(true, other)),
                CardActions.Submit(l.Pick("Nee", "No"), CardVerbs.SafetyAnswer, new SafetyAnswerPayload(false, other)),
            ],
        };
    }
}
