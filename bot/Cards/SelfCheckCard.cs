using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

public sealed record SelfCheckQuestionView(Language Language, int Step, int TotalSteps, string Question, string? Hint, IReadOnlyList<(string Answer, string Label)> Options);

/// <summary>One question of the self-check "Is dit ongewenst gedrag?": buttons only, no free text.</summary>
public static class SelfCheckCard
{
    public static AdaptiveCard Create(SelfCheckQuestionView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick($"Korte check · vraag {view.Step} van {view.TotalSteps}", $"Quick check · question {view.Step} of {view.TotalSteps}")) { IsSubtle = true, Size = "Small" },
            new TextBlock(view.Question) { Weight = "Bolder", Size = "Medium", Style = "heading" },
        };
        if (view.Hint is not null)
        {
            body.Add(new TextBlock(view.Hint) { IsSubtle = true });
        }

        body.Add(new ActionSet
        {
            Actions = view.Options.Select(o => (CardAction)CardActions.Submit(o.Label, CardVerbs.SelfCheckAnswer, new SelfCheckAnswerPayload(view.Step, o.Answer))).ToList(),
        });

        var actions = new List<CardAction>();
        if (view.Step > 1)
        {
            actions.Add(CardActions.Submit(l.Pick("Terug", "Back"), CardVerbs.SelfCheckAnswer, new SelfCheckAnswerPayload(view.Step, SelfCheckAnswers.Back)));
        }

        actions.Add(CardActions.Submit(l.Pick("Stoppen", "Stop"), CardVerbs.Menu, NoPayload.Instance));
        return new AdaptiveCard {FallbackText = view.Question, Body = body, Actions = actions };
    }
}

/// <summary>The answers a self-check button can carry; anything else is rejected.</summary>
public static class SelfCheckAnswers
{
    public const string Colleague = "colleague";
    public const string Manager = "manager";
    public const string Client = "client";
    public const string Other = "other";
    public const string Group = "group";
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unsure = "unsure";
    public const string Back = "back";
}

public sealed record SelfCheckResultView(Language Language, IReadOnlyList<string> Observations, IReadOnlyList<(string TopicId, string Title)> Topics);

/// <summary>The end of the self-check: what the answers resemble, explicitly not a verdict.</summary>
public static class SelfCheckResultCard
{
    public static AdaptiveCard Create(SelfCheckResultView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Dank je voor je antwoorden", "Thank you for your answers")) { Weight = "Bolder", Size = "Medium", Style = "heading" },
            new TextBlock(l.Pick(
                "Ik geef geen oordeel. Wat telt, is hoe jij het ervaart. Dit is wat je antwoorden laten zien:",
                "I'm not judging what happened. What counts is how you experience it. Here is what your answers point to:")),
        };
        body.AddRange(view.Observations.Select(o => new TextBlock(o)));
        body.Add(new TextBlock(l.Pick(
            "Twijfel je of het 'erg genoeg' is? Dat hoeft niet. Je bent altijd welkom bij een vertrouwenspersoon, ook om gewoon even te praten.",
            "Wondering whether it is 'serious enough'? You don't need to be sure. You are always welcome to talk to a confidential adviser, even just to talk it through.")) { Separator = true });

        var actions = view.Topics.Take(3)
            .Select(t => (CardAction)CardActions.Submit(t.Title, CardVerbs.ShowTopic, new TopicPayload(t.TopicId)))
            .ToList();
        actions.Add(CardActions.Submit(CommonText.TalkToVp.For(l), CardVerbs.TalkToVp, NoPayload.Instance, style: "positive"));
        actions.Add(CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance));

        return new AdaptiveCard
        {

            FallbackText = l.Pick("Resultaat van de korte check", "Result of the quick check"),
            Body = body,
            Actions = actions,
        };
    }
}
