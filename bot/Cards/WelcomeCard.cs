using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

public sealed record WelcomeView(Language Language);

/// <summary>The first card anyone sees: what the bot does, that it keeps nothing (and that Teams keeps the chat), where to go in danger.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Create(WelcomeView view)
    {
        var l = view.Language;
        return new AdaptiveCard
        {

            FallbackText = l.Pick("Welkom bij VP-wijzer.", "Welcome to VP-wijzer."),
            Body =
            [
                new TextBlock(l.Pick("Hoi, ik ben VP-wijzer", "Hi, I'm VP-wijzer")) { Size = "Large", Weight = "Bolder", Style = "heading" },
                new TextBlock(l.Pick(
                    "Ik help je met vragen over ongewenst gedrag op het werk, zoals pesten, seksuele intimidatie of discriminatie. En over wat een vertrouwenspersoon (VP) voor je kan doen.",
                    "I help with questions about unwanted behaviour at work, such as bullying, sexual harassment or discrimination. And about what a confidential adviser (in Dutch: vertrouwenspersoon, VP) can do for you.")),
                new Container
                {
                    Style = "emphasis",
                    Items =
                    [
                        new TextBlock(CommonText.NothingStored.For(l)),
                        new ActionSet { Actions = [CardActions.Submit(CommonText.HowPrivate.For(l), CardVerbs.ShowTopic, new TopicPayload("privacy-bot"))] },
                    ],
                },
                new TextBlock(l.Pick("Typ je vraag in je eigen woorden, of kies hieronder.", "Type your question in your own words, or choose below.")),
                new ActionSet { Actions = MenuActions.Create(l) },
                new TextBlock(CommonText.SafetyLine.For(l)) { IsSubtle = true, Size = "Small", Separator = true },
            ],
        };
    }
}
