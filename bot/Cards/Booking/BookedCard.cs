using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

/// <param name="Status">"booked", "confirmed", "proposed", "moved" (this card was superseded by a new time), "referred", "cancelled".</param>
/// <param name="StatusNote">A line under the title: the new time of a moved booking, or what happens now.</param>
/// <param name="JoinUrl">The Teams meeting's join link, for a Teams booking.</param>
/// <param name="PhoneLink">The VP's work number as <c>tel:</c>, for a phone booking.</param>
public sealed record BookedView(
    Language Language,
    string BookingId,
    string VpName,
    string When,
    string How,
    string? Discreetly,
    string? CalendarUrl,
    string Status,
    string? StatusNote = null,
    string? JoinUrl = null,
    string? PhoneLink = null);

/// <summary>
/// The employee's booking card, the same for every state: time, place or join link or number, the .ics, a status line.
/// Only a live booking has live buttons; a superseded card keeps none.
/// </summary>
public static class BookedCard
{
    public static AdaptiveCard Create(BookedView view)
    {
        var l = view.Language;
        var live = view.Status is "booked" or "confirmed" or "proposed";
        var title = view.Status switch
        {
            "cancelled" => l.Pick("Deze afspraak gaat niet door", "This appointment is cancelled"),
            "referred" => l.Pick("Doorverwezen naar een collega-VP", "Referred to a colleague VP"),
            "moved" => l.Pick("Deze afspraak is verzet", "This appointment has been moved"),
            "confirmed" => l.Pick("Je afspraak is bevestigd door de VP", "The VP has confirmed your appointment"),
            "proposed" => l.Pick("De VP stelt een ander tijdstip voor", "The VP proposes another time"),
            _ => l.Pick("Je afspraak staat", "Your appointment is booked"),
        };
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = "Medium", Weight = "Bolder", Style = "heading", Color = view.Status is "cancelled" ? "Attention" : live ? "Good" : null },
        };
        if (view.StatusNote is not null)
        {
            body.Add(new TextBlock(view.StatusNote) { Spacing = "Small" });
        }

        body.Add(new FactSet { Facts = [new(l.Pick("Met", "With"), view.VpName), new(l.Pick("Wanneer", "When"), view.When), new(l.Pick("Hoe", "How"), view.How)] });
        if (view.Discreetly is not null && live)
        {
            body.Add(new TextBlock(view.Discreetly) { IsSubtle = true });
        }

        var actions = new List<CardAction>();
        if (live)
        {
            if (view.JoinUrl is not null)
            {
                actions.Add(new ActionOpenUrl { Title = l.Pick("Deelnemen via Teams", "Join in Teams"), Url = view.JoinUrl, Style = "positive" });
            }

            if (view.PhoneLink is not null)
            {
                actions.Add(new ActionOpenUrl { Title = l.Pick($"Bel {FirstName(view.VpName)}", $"Call {FirstName(view.VpName)}"), Url = view.PhoneLink });
            }

            if (view.CalendarUrl is not null)
            {
                actions.Add(new ActionOpenUrl { Title = l.Pick("Zet in mijn agenda (.ics)", "Add to my calendar (.ics)"), Url = view.CalendarUrl });
            }

            actions.Add(CardActions.Submit(l.Pick("Ander tijdstip", "Another time"), CardVerbs.BookingReschedule, new BookingRefPayload(view.BookingId)));
            actions.Add(CardActions.Submit(l.Pick("Afzeggen", "Cancel"), CardVerbs.BookingCancel, new BookingRefPayload(view.BookingId), style: "destructive"));
        }
        else if (view.Status == "cancelled")
        {
            actions.Add(CardActions.Submit(l.Pick("Nieuwe afspraak", "New appointment"), CardVerbs.TalkToVp, NoPayload.Instance, style: "positive"));
        }

        if (view.Status != "moved")
        {
            actions.Add(CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance));
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }

    /// <summary>"Weet je het zeker?" before a cancellation: one tap next to "Ander tijdstip" must not cancel.</summary>
    public static AdaptiveCard ConfirmCancel(Language l, string bookingId, string vpName, string when) => new()
    {
        FallbackText = l.Pick("Afspraak afzeggen?", "Cancel the appointment?"),
        Body =
        [
            new TextBlock(l.Pick("Afspraak afzeggen?", "Cancel the appointment?")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick($"Je afspraak met {vpName} op {when} gaat dan niet door.", $"Your appointment with {vpName} on {when} will then not go ahead.")),
            new TextBlock(l.Pick("De VP ziet alleen dat de afspraak niet doorgaat, niet waarom. Je kunt altijd een nieuwe afspraak maken.", "The VP only sees that the appointment is off, not why. You can always make a new one.")) { IsSubtle = true },
        ],
        Actions =
        [
            CardActions.Submit(l.Pick("Ja, zeg af", "Yes, cancel it"), CardVerbs.BookingCancelConfirmed, new BookingRefPayload(bookingId), style: "destructive"),
            CardActions.Submit(l.Pick("Nee, laat staan", "No, keep it"), CardVerbs.BookingKeep, new BookingRefPayload(bookingId)),
        ],
    };

    private static string FirstName(string displayName)
    {
        var space = displayName.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? displayName[..space] : displayName;
    }
}
