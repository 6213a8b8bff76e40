using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

/// <param name="PhoneAvailable">False when the VP has no work number in the directory (the employee is the one who calls).</param>
public sealed record ModeView(Language Language, string VpName, bool PhoneAvailable = true);

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
                    "Een gesprek op kantoor is in een gewone vergaderruimte zonder glazen wanden, zo min mogelijk in het zicht. Via Teams krijg je een link om deel te nemen; telefonisch bel jij de VP op diens werknummer.",
                    "A meeting in person is in an ordinary meeting room without glass walls, as far out of sight as possible. For Teams you get a link to join; by phone, you call the VP on their work number.")),
            ],
            Actions =
            [
                CardActions.Submit(l.Pick("Op kantoor", "In person"), CardVerbs.BookingMode, new ModePayload(InPerson)),
                CardActions.Submit(l.Pick("Via Teams (beeld of geluid)", "Teams call (video or audio)"), CardVerbs.BookingMode, new ModePayload(TeamsCall)),
                .. view.PhoneAvailable ? [CardActions.Submit(l.Pick("Telefonisch: ik bel de VP", "By phone: I call the VP"), CardVerbs.BookingMode, new ModePayload(Phone))] : Array.Empty<CardAction>(),
                .. StepActions.BackAndStop(l, BookingSteps.ChooseVp),
            ],
        };
    }
}
