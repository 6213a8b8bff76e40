namespace VpWijzer.Cards.Booking;

/// <summary>The steps of the booking flow, in order; stored in <c>ConversationState.Step</c>.</summary>
public static class BookingSteps
{
    public const int Intro = 1;
    public const int Consent = 2;
    public const int ChooseVp = 3;
    public const int Mode = 4;
    public const int Slot = 5;
    public const int Visibility = 6;
    public const int Share = 7;
    public const int Confirm = 8;
    public const int Booked = 9;
}

/// <summary>Buttons every step has: back (when there is a step before) and stop.</summary>
internal static class StepActions
{
    public static List<CardAction> BackAndStop(State.Language l, int backTo)
    {
        var actions = new List<CardAction>();
        if (backTo > 0)
        {
            actions.Add(Routing.CardActions.Submit(l.Pick("Terug", "Back"), CardVerbs.BookingBack, new BackPayload(backTo)));
        }

        actions.Add(Routing.CardActions.Submit(l.Pick("Stoppen", "Stop"), CardVerbs.Stop, Routing.NoPayload.Instance));
        return actions;
    }
}
