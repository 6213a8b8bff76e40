using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

/// <param name="Status">"booked", "confirmed", "cancelled" — the card shows the latest.</param>
public sealed record BookedView(Language Language, string BookingId, string VpName, string When, string How, string? Discreetly, string? CalendarUrl, string Status);

/// <summary>The employee's confirmation: time, place, how to get there unseen, and the way to move or cancel.</summary>
public static class BookedCard
{
    public static AdaptiveCard Create(BookedView view)
    {
        var l = view.Language;
        var cancelled = view.Status == "cancelled";
        var title = view.Status switch
        {
            "cancelled" => l.Pick("Deze afspraak gaat niet door", "This appointment is cancelled"),
            "confirmed" => l.Pick("Je afspraak is bevestigd door de VP", "The VP has confirmed your appointment"),
            _ => l.Pick("Je afspraak staat", "Your appointment is booked"),
        };
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = "Medium", Weight = "Bolder", Style = "heading", Color = cancelled ? "Attention" : "Good" },
            new FactSet { Facts = [new(l.Pick("Met", "With"), view.VpName), new(l.Pick("Wanneer", "When"), view.When), new(l.Pick("Hoe", "How"), view.How)] },
        };
        if (view.Discreetly is not null && !cancelled)
        {
            body.Add(new TextBlock(view.Discreetly));
        }

        var actions = new List<CardAction>();
        if (!cancelled)
        {
            if (view.CalendarUrl is not null)
            {
                actions.Add(new ActionOpenUrl { Title = l.Pick("Zet in mijn agenda (.ics)", "Add to my calendar (.ics)"), Url = view.CalendarUrl });
            }

            actions.Add(CardActions.Submit(l.Pick("Ander tijdstip", "Another time"), CardVerbs.BookingReschedule, new BookingRefPayload(view.BookingId)));
            actions.Add(CardActions.Submit(l.Pick("Afzeggen", "Cancel"), CardVerbs.BookingCancel, new BookingRefPayload(view.BookingId), style: "destructive"));
        }

        actions.Add(CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance));
        return new AdaptiveCard {FallbackText = title, Body = body, Actions = actions };
    }
}
