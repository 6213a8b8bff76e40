using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

public sealed record ShareView(Language Language, IReadOnlyList<(string TopicId, string Title)> Topics, IReadOnlyList<(string Code, string Name)> Languages);

/// <summary>Optional: a coarse topic and a preferred language, chosen from lists — never free text.</summary>
public static class ShareCard
{
    public static AdaptiveCard Create(ShareView view)
    {
        var l = view.Language;
        return new AdaptiveCard
        {

            FallbackText = l.Pick("Wil je iets delen met de VP?", "Would you like to share something with the VP?"),
            Body =
            [
                new TextBlock(l.Pick("Wil je de VP alvast iets laten weten?", "Would you like to let the VP know something in advance?")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
                new TextBlock(l.Pick("Dit mag, het hoeft niet. De VP ziet dit in Teams. Je verhaal vertel je pas in het gesprek zelf.", "You can, but you don't have to. The VP sees this in Teams. You tell your story in the conversation itself.")),
                new InputChoiceSet
                {
                    Id = "shareTopic",
                    Label = l.Pick("Waar gaat het ongeveer over?", "Roughly what is it about?"),
                    Style = "compact",
                    Value = "none",
                    Choices = [new(l.Pick("Zeg ik liever niet", "I'd rather not say"), "none"), .. view.Topics.Select(t => new Choice(t.Title, t.TopicId))],
                },
                new InputChoiceSet
                {
                    Id = "shareLanguage",
                    Label = l.Pick("In welke taal wil je praten?", "Which language would you like to talk in?"),
                    Style = "compact",
                    Value = l.Tag(),
                    Choices = view.Languages.Select(x => new Choice(x.Name, x.Code)).ToList(),
                },
            ],
            Actions =
            [
                CardActions.SubmitWithInputs(l.Pick("Verder", "Next"), CardVerbs.BookingShare, new SharePayload(), style: "positive"),
                CardActions.Submit(l.Pick("Overslaan", "Skip"), CardVerbs.BookingShare, new SharePayload("none", null)),
                .. StepActions.BackAndStop(l, BookingSteps.Visibility),
            ],
        };
    }
}
