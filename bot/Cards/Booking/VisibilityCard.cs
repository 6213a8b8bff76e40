using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

public sealed record VisibilityView(Language Language, string VpName, bool NamedInviteAvailable);

/// <summary>Named invite (only this VP sees the name) or anonymous reservation (the VP sees "a colleague").</summary>
public static class VisibilityCard
{
    public static AdaptiveCard Create(VisibilityView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Wie mag weten dat jij dit gesprek hebt?", "Who may know that you have this conversation?")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick(
                $"**Uitnodiging in je agenda**: je krijgt een uitnodiging. Je naam gaat alleen naar {view.VpName}.",
                $"**Invite in your calendar**: you get an invitation. Your name goes only to {view.VpName}.")),
            new TextBlock(l.Pick(
                $"**Reservering zonder naam**: geen uitnodiging en geen naam. {view.VpName} ziet alleen 'een collega'. Jij krijgt de tijd en plek hier in de chat.",
                $"**Book without my name**: no invitation and no name. {view.VpName} only sees 'a colleague'. You get the time and place here in the chat.")),
            new TextBlock(l.Pick(
                "In beide gevallen staat er in de agenda alleen 'Afspraak', zonder inhoud.",
                "Either way, the calendar only says 'Appointment', with no content.")) { IsSubtle = true },
        };

        var actions = new List<CardAction>();
        if (view.NamedInviteAvailable)
        {
            actions.Add(CardActions.Submit(l.Pick("Uitnodiging in mijn agenda", "Invite in my calendar"), CardVerbs.BookingVisibility, new VisibilityPayload(false)));
        }

        actions.Add(CardActions.Submit(l.Pick("Reservering zonder naam", "Book without my name"), CardVerbs.BookingVisibility, new VisibilityPayload(true)));
        actions.AddRange(StepActions.BackAndStop(l, BookingSteps.Slot));
        return new AdaptiveCard { FallbackText = l.Pick("Uitnodiging of zonder naam?", "Invite or without your name?"), Body = body, Actions = actions };
    }
}
