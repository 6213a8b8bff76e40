using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Handoff;

/// <param name="Who">The employee's name (only with a named invite, only in the first card) or "een collega".</param>
/// <param name="Status">"booked", "confirmed", "proposed", "referred", "cancelled".</param>
/// <param name="VpUserId">The VP's channel user id, so Teams refreshes the card for the VP only.</param>
/// <param name="MovedFromWhen">The time before the employee moved it, until the VP confirms the new one.</param>
/// <param name="JoinUrl">The Teams meeting's join link (also in the VP's calendar).</param>
public sealed record HandoffView(Language Language, string BookingId, string When, string How, string Who, string? Topic, string SpokenLanguage, string Status, string? ProposedWhen, string? VpUserId, string? MovedFromWhen = null, string? JoinUrl = null);

/// <summary>
/// What the VP sees: time, place or mode, who (only if the employee chose that), the coarse topic
/// and language they ticked, and the conflict-of-interest reminder. Universal Actions with refresh,
/// so whoever opens it sees the current state; Action.Submit fallbacks for older clients.
/// </summary>
public static class HandoffCard
{
    public static AdaptiveCard Create(HandoffView view)
    {
        var l = view.Language;
        var statusLine = view.Status switch
        {
            "confirmed" => l.Pick("Je hebt deze afspraak bevestigd.", "You confirmed this appointment."),
            "proposed" => l.Pick($"Je stelde een ander tijdstip voor: {view.ProposedWhen}. De collega kiest nu.", $"You proposed another time: {view.ProposedWhen}. The colleague is choosing now."),
            "referred" => l.Pick("Je hebt doorverwezen naar een collega-VP. De afspraak is uit je agenda gehaald.", "You referred to a colleague VP. The appointment was removed from your calendar."),
            "cancelled" => l.Pick("Deze afspraak gaat niet door.", "This appointment is cancelled."),
            _ when view.MovedFromWhen is not null => l.Pick($"Verzet door de collega: eerst {view.MovedFromWhen}, nu de tijd hieronder.", $"Moved by the colleague: first {view.MovedFromWhen}, now the time below."),
            _ => l.Pick("Nieuw: iemand wil met je praten.", "New: someone would like to talk with you."),
        };
        var facts = new List<Fact>
        {
            new(l.Pick("Wanneer", "When"), view.When),
            new(l.Pick("Hoe", "How"), view.How),
            new(l.Pick("Wie", "Who"), view.Who),
            new(l.Pick("Taal", "Language"), view.SpokenLanguage),
        };
        if (view.Topic is not null)
        {
            facts.Add(new Fact(l.Pick("Onderwerp (aangevinkt)", "Topic (ticked)"), view.Topic));
        }

        var open = view.Status is "booked" or "confirmed" or "proposed";
        var refreshData = new BookingRefPayload(view.BookingId);
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Afspraak via VP-wijzer", "Appointment via VP-wijzer")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(statusLine) { Color = view.Status == "cancelled" ? "Attention" : view.Status == "confirmed" ? "Good" : null },
            new FactSet { Facts = facts },
        };
        if (open)
        {
            body.Add(new TextBlock(l.Pick(
                "Ken je de betrokkenen of werk je met deze collega samen, of merk je dat in het gesprek? Verwijs dan door naar een collega-VP. De collega kiest dan zelf een andere VP.",
                "Do you know the people involved or work with this colleague? Then refer to a colleague VP. The colleague then chooses another VP.")) { IsSubtle = true, Separator = true });
        }

        var actions = new List<CardAction>();
        if (open && view.JoinUrl is not null)
        {
            actions.Add(new ActionOpenUrl { Title = l.Pick("Open de Teams-vergadering", "Open the Teams meeting"), Url = view.JoinUrl });
        }

        if (view.Status == "booked")
        {
            actions.Add(CardActions.Execute(view.MovedFromWhen is null ? l.Pick("Bevestigen", "Confirm") : l.Pick("Nieuwe tijd bevestigen", "Confirm the new time"), CardVerbs.HandoffConfirm, refreshData, style: "positive"));
        }

        if (open)
        {
            actions.Add(CardActions.Execute(l.Pick("Ander tijdstip voorstellen", "Propose another time"), CardVerbs.HandoffPropose, refreshData));
            actions.Add(CardActions.Execute(l.Pick("Doorverwijzen naar een collega", "Refer to a colleague"), CardVerbs.HandoffRefer, refreshData));
            actions.Add(CardActions.Execute(l.Pick("Annuleren", "Cancel"), CardVerbs.HandoffCancel, refreshData, style: "destructive"));
        }

        return new AdaptiveCard
        {
            FallbackText = statusLine,
            Refresh = new CardRefresh
            {
                Action = new ActionExecute { Verb = CardVerbs.HandoffRefresh.Name, Title = l.Pick("Vernieuwen", "Refresh"), Data = CardActions.ToData(CardVerbs.HandoffRefresh, refreshData) },
                UserIds = view.VpUserId is null ? null : [view.VpUserId],
            },
            Body = body,
            Actions = actions,
        };
    }
}

public sealed record ProposeSlotsView(Language Language, string BookingId, IReadOnlyList<(string SlotId, string When, string? Where)> Slots);

/// <summary>The VP picks a new time from fresh slots.</summary>
public static class ProposeSlotsCard
{
    public static AdaptiveCard Create(ProposeSlotsView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Welk tijdstip stel je voor?", "Which time do you propose?")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
        };
        if (view.Slots.Count == 0)
        {
            body.Add(new TextBlock(l.Pick("Er is in de komende periode geen tijd vrij binnen je VP-uren.", "There are no free times within your VP hours in the coming period.")));
        }

        foreach (var slot in view.Slots)
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock(slot.When) { Weight = "Bolder" },
                    .. slot.Where is null ? Array.Empty<CardElement>() : [new TextBlock(slot.Where) { IsSubtle = true, Spacing = "None" }],
                    new ActionSet { Actions = [CardActions.Execute(l.Pick($"Voorstellen: {slot.When}", $"Propose {slot.When}"), CardVerbs.HandoffProposeSlot, new HandoffSlotPayload(view.BookingId, slot.SlotId))] },
                ],
            });
        }

        return new AdaptiveCard
        {
            FallbackText = l.Pick("Kies een nieuw tijdstip", "Choose a new time"),
            Body = body,
            Actions = [CardActions.Execute(l.Pick("Terug", "Back"), CardVerbs.HandoffRefresh, new BookingRefPayload(view.BookingId))],
        };
    }
}

public sealed record ProposalView(Language Language, string BookingId, string VpName, string When, string How);

/// <summary>For the employee: the VP proposes another time — accept, or choose another VP.</summary>
public static class ProposalCard
{
    public static AdaptiveCard Create(ProposalView view)
    {
        var l = view.Language;
        return new AdaptiveCard
        {
            FallbackText = l.Pick("Voorstel voor een ander tijdstip", "Proposal for another time"),
            Body =
            [
                new TextBlock(l.Pick($"{view.VpName} stelt een ander tijdstip voor", $"{view.VpName} proposes another time")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
                new FactSet { Facts = [new(l.Pick("Wanneer", "When"), view.When), new(l.Pick("Hoe", "How"), view.How)] },
                new TextBlock(l.Pick("Past dit niet? Kies zelf een ander tijdstip, een andere vertrouwenspersoon, of zeg de afspraak af.", "Doesn't this suit you? Choose another time yourself, another confidential adviser, or cancel the appointment.")),
            ],
            Actions =
            [
                CardActions.Submit(l.Pick("Akkoord", "Accept"), CardVerbs.BookingAcceptProposal, new BookingRefPayload(view.BookingId), style: "positive"),
                CardActions.Submit(l.Pick("Ander tijdstip", "Another time"), CardVerbs.BookingReschedule, new BookingRefPayload(view.BookingId)),
                CardActions.Submit(l.Pick("Andere VP kiezen", "Choose another VP"), CardVerbs.BookingChooseOtherVp, new BookingRefPayload(view.BookingId)),
                CardActions.Submit(l.Pick("Afzeggen", "Cancel"), CardVerbs.BookingCancel, new BookingRefPayload(view.BookingId), style: "destructive"),
            ],
        };
    }
}
