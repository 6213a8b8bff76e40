using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards.Handoff;

/// <summary>One upcoming booking as the VP's overview lists it.</summary>
public sealed record VpHomeItem(string BookingId, string When, string ShortWhen, string How, string Status);

public sealed record VpHomeView(Language Language, string VpName, IReadOnlyList<VpHomeItem> Bookings);

/// <summary>The VP's home: their upcoming bookings with status (each opens its handoff card), and VP help.</summary>
public static class VpHomeCard
{
    public static AdaptiveCard Create(VpHomeView view)
    {
        var l = view.Language;
        var body = new List<CardElement>
        {
            new TextBlock(l.Pick("Jouw afspraken via VP-wijzer", "Your appointments via VP-wijzer")) { Size = "Medium", Weight = "Bolder", Style = "heading" },
        };
        if (view.Bookings.Count == 0)
        {
            body.Add(new TextBlock(l.Pick("Je hebt nu geen komende afspraken via VP-wijzer.", "You have no upcoming appointments via VP-wijzer right now.")));
        }

        foreach (var b in view.Bookings)
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock(b.When) { Weight = "Bolder" },
                    new TextBlock($"{b.How} · {StatusText(b.Status, l)}") { IsSubtle = true, Spacing = "None" },
                    new ActionSet { Actions = [CardActions.Submit(l.Pick($"Open afspraak {b.ShortWhen}", $"Open appointment {b.ShortWhen}"), CardVerbs.HandoffRefresh, new BookingRefPayload(b.BookingId))] },
                ],
            });
        }

        body.Add(new TextBlock(l.Pick(
            "Maakt iemand een afspraak met je, dan krijg je hier een kaart. Daarop bevestig je, stel je een ander tijdstip voor, verwijs je door of annuleer je. Verzet of zegt de collega af, dan krijg je een bericht.",
            "When someone books with you, you get a card here. On it you confirm, propose another time, refer or cancel. If the colleague moves or cancels, you get a message.")) { Separator = true, Spacing = "Large" });
        body.Add(new TextBlock(l.Pick(
            "Je ziet de tijd, de plek, wat de collega aanvinkte en, alleen bij een uitnodiging, de naam. Wat iemand in de chat typte, ziet niemand: de bot bewaart het niet.",
            "You see the time, the place, what the colleague ticked and, only with an invitation, their name. What someone typed in the chat nobody sees: the bot doesn't keep it.")) { IsSubtle = true });

        return new AdaptiveCard
        {
            FallbackText = l.Pick("Jouw afspraken via VP-wijzer", "Your appointments via VP-wijzer"),
            Body = body,
            Actions =
            [
                CardActions.Submit(l.Pick("Vernieuwen", "Refresh"), CardVerbs.VpHome, NoPayload.Instance),
                CardActions.Submit(l.Pick("Zelf een gesprek met een VP", "Book a VP for myself"), CardVerbs.BookingAsEmployee, NoPayload.Instance),
                CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance),
            ],
        };
    }

    private static string StatusText(string status, Language l) => status switch
    {
        "confirmed" => l.Pick("bevestigd", "confirmed"),
        "proposed" => l.Pick("ander tijdstip voorgesteld", "another time proposed"),
        "moved" => l.Pick("verzet: bevestig de nieuwe tijd", "moved: confirm the new time"),
        _ => l.Pick("nieuw: nog niet bevestigd", "new: not confirmed yet"),
    };
}
