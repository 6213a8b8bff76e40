using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

/// <summary>Asks once whether the bot may look up the employee's team and managers to hide VPs they work with.</summary>
public static class ConsentCard
{
    public static AdaptiveCard Create(Language l) => new()
    {

        FallbackText = l.Pick("Mag ik je afdeling opzoeken?", "May I look up your department?"),
        Body =
        [
            new TextBlock(l.Pick("Werk je samen met een VP? Kies dan een ander", "Do you work with a VP? Then choose someone else")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick(
                "Een vertrouwenspersoon helpt geen collega met wie hij of zij samenwerkt. Mag ik één keer opzoeken in welke afdeling je werkt en wie je leidinggevenden zijn? Dan laat ik die VP's niet zien. Ik bewaar dit niet.",
                "A confidential adviser does not help a colleague they work with. May I look up once which department you work in and who your managers are? Then I won't show those VPs. I don't keep this.")),
        ],
        Actions =
        [
            CardActions.Submit(l.Pick("Ja, zoek het op", "Yes, look it up"), CardVerbs.BookingConsent, new ConsentPayload(true), style: "positive"),
            CardActions.Submit(l.Pick("Nee, ik kies zelf", "No, I'll choose myself"), CardVerbs.BookingConsent, new ConsentPayload(false)),
            .. StepActions.BackAndStop(l, BookingSteps.Intro),
        ],
    };
}
