using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

/// <summary>A slot as shown: its opaque id, the time in words, and the place when in person.</summary>
/// <param name="Label">The time in a few characters for the button's label ("di 25 nov. 10:00"), so a screen reader hears which time.</param>
public sealed record SlotItem(string Id, string When, string? Where, string? Label = null);

public sealed record SlotsView(Language Language, string VpName, IReadOnlyList<SlotItem> Slots, bool AfterConflict);

/// <summary>Three to five concrete times, each already paired with a free room for in person.</summary>
public static class SlotsCard
{
    public static AdaptiveCard Create(SlotsView view)
    {
        var l = view.Language;
        var body = new List<CardElement>();
        if (view.AfterConflict)
        {
            body.Add(new TextBlock(l.Pick(
                "Dat tijdstip is net bezet geraakt. Geen zorg: hier zijn nieuwe tijden.",
                "That time has just been taken. No worries: here are new times.")) { Color = "Attention" });
        }

        body.Add(new TextBlock(l.Pick($"Wanneer wil je {view.VpName} spreken?", $"When would you like to meet {view.VpName}?")) { Size = "Medium", Weight = "Bolder", Style = "heading" });
        if (view.Slots.Count == 0)
        {
            body.Add(new TextBlock(l.Pick(
                "Deze VP heeft de komende tijd geen plek in de agenda. Kies een andere VP of een andere manier van praten.",
                "This VP has no times available soon. Choose another VP or another way of talking.")));
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
                    new ActionSet { Actions = [CardActions.Submit(l.Pick($"Dit tijdstip: {slot.Label ?? slot.When}", $"This time: {slot.Label ?? slot.When}"), CardVerbs.BookingSlot, new SlotChoicePayload(slot.Id))] },
                ],
            });
        }

        var actions = new List<CardAction>();
        if (view.Slots.Count == 0)
        {
            actions.Add(CardActions.Submit(l.Pick("Andere VP kiezen", "Choose another VP"), CardVerbs.BookingBack, new BackPayload(BookingSteps.ChooseVp)));
        }

        actions.AddRange(StepActions.BackAndStop(l, BookingSteps.Mode));
        return new AdaptiveCard {FallbackText = l.Pick("Kies een tijdstip", "Choose a time"), Body = body, Actions = actions };
    }
}
