using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

public sealed record ModeView(Language Language, string VpName);

/// <summary>In person (a discreet room), a Teams call or the phone.</summary>
public static class ModeCard
{
    public const string InPerson = "InPerson";
    public const string TeamsCall = "TeamsCall";
    public const string Phone = "Phone";

    public static AdaptiveCard Create(ModeView view)
    {
        var l = view.Language;
        return new AdaptiveCard
        {

            FallbackText = l.Pick("Hoe wil je praten?", "How would you like to talk?"),
            Body =
            [
                new TextBlock(l.Pick($"Hoe wil je met {view.VpName} praten?", $"How would you like to talk with {view.VpName}?")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
                new TextBlock(l.Pick(
                    "Een gesprek in het echt is in een gewone vergaderruimte zonder glazen wanden, uit het zicht. Niemand kan zien dat het een gesprek met een VP is.",
                    "A meeting in person is in an ordinary meeting room without glass walls, out of sight. Nobody can tell it is a meeting with a VP.")),
            ],
            Actions =
            [
                CardActions.Submit(l.Pick("In het echt", "In person"), CardVerbs.BookingMode, new ModePayload(InPerson)),
                CardActions.Submit(l.Pick("Via Teams (beeld of geluid)", "Teams call (video or audio)"), CardVerbs.BookingMode, new ModePayload(TeamsCall)),
                CardActions.Submit(l.Pick("Telefonisch", "By phone"), CardVerbs.BookingMode, new ModePayload(Phone)),
                .. StepActions.BackAndStop(l, BookingSteps.ChooseVp),
            ],
        };
    }
}
