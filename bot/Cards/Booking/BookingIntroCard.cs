using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

public sealed record BookingIntroView(Language Language, bool CanBookHere, IReadOnlyList<VpContact>? Contacts = null);

/// <summary>How to reach a VP directly, for channels where the bot cannot book (the anonymous intranet chat).</summary>
public sealed record VpContact(string Name, string Department, bool IsExternal, string Email);

/// <summary>Before choosing a VP: what a VP does and does not do, and that nothing typed is passed on.</summary>
public static class BookingIntroCard
{
    public static AdaptiveCard Create(BookingIntroView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick("**Een vertrouwenspersoon (VP):**", "**A confidential adviser (VP):**")),
            new TextBlock(l.Pick(
                "- luistert naar je verhaal\n- denkt met je mee over wat je kunt doen\n- helpt je zelf je volgende stap te kiezen\n- verwijst je door als dat beter past\n- kan met je meegaan als je een melding of klacht doet",
                "- listens to your story\n- thinks along with you about what you can do\n- helps you choose your own next step\n- refers you on when that fits better\n- can go with you if you report or complain")),
            new TextBlock(l.Pick("**Een VP doet niet:**", "**A VP does not:**")),
            new TextBlock(l.Pick(
                "- het voor je oplossen\n- stappen zetten zonder jouw toestemming, behalve als iemand in gevaar is\n- bemiddelen of de ander aanspreken\n- oordelen of onderzoeken wat er gebeurd is\n- juridische hulp geven of beide kanten helpen\n\nEen gesprek met een VP is geen melding. Jij houdt de regie.",
                "- solve it for you\n- take steps without your consent, unless someone is in danger\n- mediate or confront the other person\n- judge or investigate what happened\n- give legal aid or help both sides\n\nTalking to a VP is not a formal report. You decide what happens next.")),
            new Container { Style = "emphasis", Items = [new TextBlock(l.Pick(
                "Wat je hier typt, geef ik niet door. De VP krijgt alleen de tijd, de plek en wat jij zelf aanklikt.",
                "I don't pass on anything you type here. The VP only gets the time, the place and what you choose to tick."))] },
        };

        var actions = new List<CardAction>();
        if (view.CanBookHere)
        {
            actions.Add(CardActions.Submit(l.Pick("Verder: kies een VP", "Next: choose a VP"), CardVerbs.BookingContinue, NoPayload.Instance, style: "positive"));
        }
        else if (view.Contacts is { Count: > 0 } contacts)
        {
            body.Add(new TextBlock(l.Pick(
                "Hier in de anonieme chat kan ik geen afspraak voor je maken: ik weet niet wie je bent, en dat is ook de bedoeling. Een VP moet je wel kunnen bereiken. Een afspraak maken kan in Microsoft Teams, of neem zelf contact op met een vertrouwenspersoon:",
                "Here in the anonymous chat I can't make an appointment for you: I don't know who you are, and that is on purpose. A VP does need to be able to reach you. You can make an appointment in Microsoft Teams, or contact a confidential adviser yourself:")) { Separator = true, Spacing = "Medium" });
            body.Add(new TextBlock(string.Join("\n", contacts.Select(c => $"- **{c.Name}**{Where(c, l)}: [{c.Email}](mailto:{c.Email})"))));
        }
        else
        {
            body.Add(new TextBlock(l.Pick(
                "Een afspraak maken kan in Microsoft Teams. Je kunt een vertrouwenspersoon ook zelf mailen of bellen; de contactgegevens staan op het intranet.",
                "You can make an appointment in Microsoft Teams. You can also email or call a confidential adviser yourself; the contact details are on the intranet.")));
        }

        actions.AddRange(StepActions.BackAndStop(l, 0));
        return new AdaptiveCard {FallbackText = l.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser"), Body = body, Actions = actions };
    }

    /// <summary>The department, or "external" for external VPs (unless their name already says so).</summary>
    private static string Where(VpContact contact, Language l)
    {
        if (!contact.IsExternal)
        {
            return string.IsNullOrWhiteSpace(contact.Department) ? string.Empty : $" ({contact.Department})";
        }

        return contact.Name.Contains("extern", StringComparison.OrdinalIgnoreCase) ? string.Empty : $" ({l.Pick("extern", "external")})";
    }
}
