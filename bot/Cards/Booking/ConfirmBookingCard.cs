using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

public sealed record BookingSummaryView(Language Language, string BookingId, string VpName, string When, string How, string Visibility, string? Topic, string SpokenLanguage);

/// <summary>Everything at a glance before the booking is made.</summary>
public static class ConfirmBookingCard
{
    public static AdaptiveCard Create(BookingSummaryView view)
    {
        var l = view.Language;
        var facts = new List<Fact>
        {
            new(l.Pick("Met", "With"), view.VpName),
            new(l.Pick("Wanneer", "When"), view.When),
            new(l.Pick("Hoe", "How"), view.How),
            new(l.Pick("Zichtbaar", "Visible"), view.Visibility),
            new(l.Pick("Taal", "Language"), view.SpokenLanguage),
        };
        if (view.Topic is not null)
        {
            facts.Add(new Fact(l.Pick("Onderwerp", "Topic"), view.Topic));
        }

        return new AdaptiveCard
        {

            FallbackText = l.Pick("Klopt dit?", "Is this right?"),
            Body =
            [
                new TextBlock(l.Pick("Klopt dit?", "Is this right?")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
                new FactSet { Facts = facts },
                new TextBlock(l.Pick("Je kunt de afspraak later altijd nog verzetten of afzeggen.", "You can always move or cancel the appointment later.")) { IsSubtle = true },
            ],
            Actions =
            [
                CardActions.Submit(l.Pick("Ja, maak de afspraak", "Yes, book it"), CardVerbs.BookingConfirm, new BookingRefPayload(view.BookingId), style: "positive"),
                .. StepActions.BackAndStop(l, BookingSteps.Share),
            ],
        };
    }
}
