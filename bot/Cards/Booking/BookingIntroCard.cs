using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Booking;

public sealed record BookingIntroView(Language Language, bool CanBookHere, IReadOnlyList<VpContact>? Contacts = null);

/// <summary>How to reach a VP directly, for channels where the bot cannot book (the anonymous intranet chat).</summary>
/// <param name="Languages">Language names the VP speaks.</param>
/// <param name="Phone">Work number as written in the directory, or null.</param>
/// <param name="PhoneLink">The same as <c>tel:</c>, or null.</param>
public sealed record VpContact(string Name, string Department, bool IsExternal, string Email, IReadOnlyList<string>? Languages = null, string? Phone = null, string? PhoneLink = null);

/// <summary>Before choosing a VP: what a VP does and does not do, and that nothing typed is passed on.</summary>
public static class BookingIntroCard
{
    public static AdaptiveCard Create(BookingIntroView view)
    {
        if (!view.CanBookHere && view.Contacts is { Count: > 0 } list)
        {
            return Contacts(view.Language, list);
        }

        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick("**Een vertrouwenspersoon (VP):**", "**A confidential adviser (VP):**")),
            new TextBlock(l.Pick(
                "- luistert naar je verhaal\n- denkt met je mee over wat je kunt doen\n- helpt je zelf je volgende stap te kiezen\n- verwijst je door als dat beter past\n- kan met je meegaan als je een melding of klacht doet",
                "- listens to your story\n- helps you think through what you can do\n- helps you choose your own next step\n- refers you on when that fits better\n- can go with you if you report or complain")),
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
        else
        {
            body.Add(new TextBlock(l.Pick(
                "Een afspraak maken kan in Microsoft Teams. Je kunt een vertrouwenspersoon ook zelf mailen of bellen; de contactgegevens staan op het intranet.",
                "You can make an appointment in Microsoft Teams. You can also email or call a confidential adviser yourself; the contact details are on the intranet.")));
        }

        actions.AddRange(StepActions.BackAndStop(l, 0));
        return new AdaptiveCard {FallbackText = l.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser"), Body = body, Actions = actions };
    }

    /// <summary>
    /// Where nothing can be booked (the anonymous chat): how to reach a VP comes first — number and e-mail per VP, with
    /// language and internal/external — and what a VP does is folded behind "Wat doet een VP?".
    /// </summary>
    private static AdaptiveCard Contacts(Language l, IReadOnlyList<VpContact> contacts)
    {
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(l.Pick(
                "Bel of mail zelf een vertrouwenspersoon. Je kiest zelf wie, en je hebt niemands toestemming nodig.",
                "Call or email a confidential adviser yourself. You choose who, and you don't need anyone's permission.")),
        };
        foreach (var c in contacts)
        {
            var about = string.Join(" · ", new[] { c.IsExternal ? (c.Name.Contains("extern", StringComparison.OrdinalIgnoreCase) ? null : l.Pick("extern", "external")) : c.Department, c.Languages is { Count: > 0 } langs ? string.Join(", ", langs) : null }.Where(x => !string.IsNullOrWhiteSpace(x)));
            var reach = string.Join(" · ", new[] { c.Phone is null || c.PhoneLink is null ? null : $"[{c.Phone}]({c.PhoneLink})", $"[{l.Pick("mail", "email")} {c.Name.Split(' ')[0]}](mailto:{c.Email})" }.Where(x => x is not null));
            body.Add(new Container
            {
                Separator = true,
                Spacing = "Small",
                Items =
                [
                    new TextBlock($"**{c.Name}**" + (about.Length > 0 ? " — " + about : string.Empty)),
                    new TextBlock(reach) { Spacing = "None" },
                ],
            });
        }

        body.Add(new TextBlock(l.Pick(
            "Een afspraak maken kan ook in Microsoft Teams. Hier in de anonieme chat kan dat niet: ik weet niet wie je bent, en dat is de bedoeling.",
            "You can also make an appointment in Microsoft Teams. Not here in the anonymous chat: I don't know who you are, and that is on purpose.")) { IsSubtle = true, Separator = true });

        return new AdaptiveCard
        {
            FallbackText = l.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser"),
            Body = body,
            Actions =
            [
                new ActionShowCard
                {
                    Title = l.Pick("Wat doet een VP?", "What does a VP do?"),
                    Card = new AdaptiveCard
                    {
                        Body =
                        [
                            new TextBlock(l.Pick(
                                "Een VP luistert, denkt met je mee en helpt je zelf je volgende stap te kiezen. Een VP kan met je meegaan naar een gesprek, of als je een melding of klacht doet. Een VP lost het niet voor je op, bemiddelt niet en onderzoekt niet wat er gebeurd is. Een gesprek met een VP is geen melding.",
                                "A VP listens, thinks it through with you and helps you choose your own next step. A VP can go with you to a meeting, or when you report or complain. A VP doesn't solve it for you, doesn't mediate and doesn't investigate what happened. Talking to a VP is not a formal report.")),
                        ],
                    },
                },
                CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance),
            ],
        };
    }
}
