using VpWijzer.Cards;
using VpWijzer.Cards.Booking;
using VpWijzer.Cards.Handoff;
using VpWijzer.Dialogs;
using VpWijzer.Knowledge;
using VpWijzer.State;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>Every card the bot can send to an employee, in every language and variant.</summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All(KnowledgeBase knowledge)
    {
        foreach (var l in new[] { Language.Nl, Language.En })
        {
            var tag = l.Tag();
            yield return ($"welcome.{tag}", WelcomeCard.Create(new WelcomeView(l)));
            yield return ($"help.{tag}", HelpCard.Create(new HelpView(l, NotUnderstood: false)));
            yield return ($"help-not-understood.{tag}", HelpCard.Create(new HelpView(l, NotUnderstood: true)));
            foreach (var topic in knowledge.Topics)
            {
                var text = topic.Text(l);
                var followUps = topic.FollowUps.Select(f => (f, knowledge[f].Text(l).Title)).ToList();
                yield return ($"answer.{topic.Id}.{tag}", AnswerCard.Create(new AnswerView(l, topic.Id, text.Title, text.Answer, followUps, OfferVp: true, More: text.More)));
            }

            var crisis = knowledge[TopicIds.Crisis].Text(l);
            yield return ($"crisis.{tag}", CrisisCard.Create(new CrisisView(l, crisis.Title, crisis.Answer)));
            yield return ($"crisis-other.{tag}", CrisisCard.Create(new CrisisView(l, crisis.Title, crisis.Answer, DangerTo.Other)));
            yield return ($"safety-check.{tag}", SafetyCheckCard.Create(new SafetyCheckView(l, DangerTo.Self)));
            yield return ($"safety-check-other.{tag}", SafetyCheckCard.Create(new SafetyCheckView(l, DangerTo.Other)));
            yield return ($"clarify.{tag}", ClarifyCard.Create(new ClarifyView(l, [(TopicIds.Bullying, "Pesten"), (TopicIds.Aggression, "Agressie"), (TopicIds.VpRole, "VP")])));
            for (var step = 1; step <= SelfCheck.Steps; step++)
            {
                yield return ($"selfcheck-{step}.{tag}", SelfCheckCard.Create(SelfCheck.Question(l, step)));
            }

            yield return ($"selfcheck-result-none.{tag}", SelfCheckResultCard.Create(SelfCheck.Result(l, 0, knowledge)));
            var all = SelfCheck.Record(0, 1, SelfCheckAnswers.Manager);
            for (var step = 2; step <= SelfCheck.Steps; step++)
            {
                all = SelfCheck.Record(all, step, SelfCheckAnswers.Yes);
            }

            yield return ($"selfcheck-result-all.{tag}", SelfCheckResultCard.Create(SelfCheck.Result(l, all, knowledge)));

            foreach (var card in Booking(l))
            {
                yield return ($"{card.Name}.{tag}", card.Card);
            }
        }
    }

    /// <summary>Every booking card with realistic views (also used by the snapshot test).</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> Booking(Language l)
    {
        var vps = new List<VpItem>
        {
            new("vp-anna", "Anna de Wit", "Sociaal Domein", false, ["Nederlands", "Engels"], "Ik luister eerst.", null),
            new("vp-lotte", "Lotte Jansen (extern)", "Extern", true, ["Nederlands"], "Ik werk niet bij de gemeente.", "https://intranet.example/foto.png"),
        };
        yield return ("booking-intro", BookingIntroCard.Create(new BookingIntroView(l, CanBookHere: true)));
        yield return ("booking-intro-no-teams", BookingIntroCard.Create(new BookingIntroView(l, CanBookHere: false)));
        yield return ("booking-intro-intranet", BookingIntroCard.Create(new BookingIntroView(l, CanBookHere: false, [new VpContact("Anna de Wit", "Sociaal Domein", false, "anna.dewit@gemeente.example", ["Nederlands", "Engels"], "+31 30 000 0101", "tel:+31300000101"), new VpContact("Bram de Boer", "Extern", true, "bram@vertrouwen.example")])));
        yield return ("booking-consent", ConsentCard.Create(l));
        yield return ("booking-gallery", VpGalleryCard.Create(new VpGalleryView(l, vps, new VpWijzer.State.GalleryFilter { Kind = "external" }, [("nl", "Nederlands"), ("en", "Engels")], [("discrimination", "Discriminatie")], CanFilterOwnDepartment: true, RemindToAvoidKnownVps: false)));
        yield return ("booking-gallery-many", VpGalleryCard.Create(new VpGalleryView(l, [.. vps, new("vp-mehmet", "Mehmet Yılmaz", "Stadsbeheer", false, ["Nederlands", "Turks"], "Ik ben er voor iedereen.", null), new("vp-sanne", "Sanne Bakker", "Publiekszaken", false, ["Nederlands"], "Rustig en nuchter.", null), new("vp-kees", "Kees Visser", "Extern", true, ["Nederlands", "Engels"], "Van buiten.", null)], new VpWijzer.State.GalleryFilter(), [("nl", "Nederlands"), ("tr", "Turks")], [("bullying", "Pesten")], CanFilterOwnDepartment: false, RemindToAvoidKnownVps: true)));
        yield return ("booking-gallery-empty", VpGalleryCard.Create(new VpGalleryView(l, [], new VpWijzer.State.GalleryFilter(), [("nl", "Nederlands")], [], CanFilterOwnDepartment: false, RemindToAvoidKnownVps: true)));
        yield return ("booking-mode", ModeCard.Create(new ModeView(l, "Anna de Wit")));
        yield return ("booking-slots", SlotsCard.Create(new SlotsView(l, "Anna de Wit", [new("s1", "maandag 24 november, 09:00–10:00", "Kamer Linde, Stadskantoor B, verdieping 3"), new("s2", "dinsdag 25 november, 10:00–11:00", null)], AfterConflict: true)));
        yield return ("booking-slots-none", SlotsCard.Create(new SlotsView(l, "Anna de Wit", [], AfterConflict: false)));
        yield return ("booking-visibility", VisibilityCard.Create(new VisibilityView(l, "Anna de Wit", NamedInviteAvailable: true)));
        yield return ("booking-share", ShareCard.Create(new ShareView(l, [("bullying", "Pesten")], [("nl", "Nederlands"), ("en", "Engels")])));
        yield return ("booking-confirm", ConfirmBookingCard.Create(new BookingSummaryView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "op kantoor: Kamer Linde", "anoniem", "Pesten", "Nederlands")));
        yield return ("booking-booked", BookedCard.Create(new BookedView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "op kantoor: Kamer Linde", "Een gewone vergaderruimte.", "https://bot.example/ics/abc", "booked")));
        yield return ("handoff-new", HandoffCard.Create(new HandoffView(l, "0123456789abcdef0123456789abcdef", "maandag 24 november, 09:00–10:00", "op kantoor · kamer.linde@gemeente.example", "een collega (reservering zonder naam)", "Pesten", "Nederlands", "booked", null, "29:vp")));
        yield return ("handoff-proposed", HandoffCard.Create(new HandoffView(l, "0123456789abcdef0123456789abcdef", "maandag 24 november, 09:00–10:00", "telefonisch: de collega belt jou op je werknummer", "zie de uitnodiging in je agenda", null, "Engels", "proposed", "dinsdag 25 november, 10:00–11:00", null)));
        yield return ("handoff-cancelled", HandoffCard.Create(new HandoffView(l, "0123456789abcdef0123456789abcdef", "maandag 24 november, 09:00–10:00", "via Teams", "een collega", null, "Nederlands", "cancelled", null, "29:vp")));
        yield return ("handoff-propose-slots", ProposeSlotsCard.Create(new ProposeSlotsView(l, "0123456789abcdef0123456789abcdef", [("s1", "dinsdag 25 november, 10:00–11:00", "Kamer Eik")])));
        yield return ("handoff-propose-none", ProposeSlotsCard.Create(new ProposeSlotsView(l, "0123456789abcdef0123456789abcdef", [])));
        yield return ("handoff-proposal", ProposalCard.Create(new ProposalView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "dinsdag 25 november, 10:00–11:00", "telefonisch: jij belt Anna de Wit op +31 30 000 0101")));
        yield return ("booking-cancelled", BookedCard.Create(new BookedView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "telefonisch", null, null, "cancelled", "Je hebt afgezegd. De VP ziet alleen dat de afspraak niet doorgaat, niet waarom.")));
        yield return ("booking-mode-no-phone", ModeCard.Create(new ModeView(l, "Anna de Wit", PhoneAvailable: false)));
        yield return ("booking-booked-teams", BookedCard.Create(new BookedView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "via Teams: op het tijdstip tik je op 'Deelnemen via Teams'", "Kies een plek waar je ongestoord kunt praten.", "https://bot.example/ics/abc", "confirmed", JoinUrl: "https://teams.microsoft.com/l/meetup-join/demo-1")));
        yield return ("booking-booked-phone", BookedCard.Create(new BookedView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "telefonisch: jij belt Anna de Wit op +31 30 000 0101", "Wil je je nummer niet laten zien? Toets #31# voor het nummer.", "https://bot.example/ics/abc", "booked", PhoneLink: "tel:+31300000101")));
        yield return ("booking-moved", BookedCard.Create(new BookedView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "op kantoor: Kamer Linde", "Een gewone vergaderruimte.", null, "moved", "Nieuwe tijd: dinsdag 25 november, 10:00–11:00. Zie de kaart hieronder.")));
        yield return ("booking-referred", BookedCard.Create(new BookedView(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00", "op kantoor: Kamer Linde", null, null, "referred")));
        yield return ("booking-cancel-confirm", BookedCard.ConfirmCancel(l, "0123456789abcdef0123456789abcdef", "Anna de Wit", "maandag 24 november, 09:00–10:00"));
        yield return ("vp-home", VpHomeCard.Create(new VpHomeView(l, "Anna de Wit", [new("0123456789abcdef0123456789abcdef", "dinsdag 25 november, 10:00–11:00", "di 25 nov. 10:00", "op kantoor · Kamer Linde, Stadskantoor B", "booked"), new("fedcba9876543210fedcba9876543210", "donderdag 27 november, 09:00–10:00", "do 27 nov. 09:00", "telefonisch: de collega belt jou op je werknummer", "confirmed")])));
        yield return ("vp-home-empty", VpHomeCard.Create(new VpHomeView(l, "Anna de Wit", [])));
        yield return ("handoff-moved", HandoffCard.Create(new HandoffView(l, "0123456789abcdef0123456789abcdef", "dinsdag 25 november, 10:00–11:00", "via Teams (de link staat in je agenda)", "een collega (reservering zonder naam)", null, "Nederlands", "booked", null, "29:vp", "maandag 24 november, 09:00–10:00", "https://teams.microsoft.com/l/meetup-join/demo-1")));
    }

    /// <summary>Cards built from fixed views (not content), pinned by snapshots.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> Pinned()
    {
        foreach (var l in new[] { Language.Nl, Language.En })
        {
            var tag = l.Tag();
            yield return ($"welcome.{tag}", WelcomeCard.Create(new WelcomeView(l)));
            yield return ($"help-not-understood.{tag}", HelpCard.Create(new HelpView(l, NotUnderstood: true)));
            yield return ($"answer.{tag}", AnswerCard.Create(new AnswerView(l, "bullying", "Title", ["Paragraph one.", "- a\n- b"], [("vp-role", "VP")], OfferVp: true)));
            yield return ($"crisis.{tag}", CrisisCard.Create(new CrisisView(l, "Title", ["Bel 112.", "Second."])));
            yield return ($"crisis-other.{tag}", CrisisCard.Create(new CrisisView(l, "Title", ["Bel 112.", "Second."], DangerTo.Other)));
            yield return ($"safety-check.{tag}", SafetyCheckCard.Create(new SafetyCheckView(l, DangerTo.Self)));
            yield return ($"clarify.{tag}", ClarifyCard.Create(new ClarifyView(l, [("bullying", "Pesten"), ("aggression", "Agressie")])));
            yield return ($"selfcheck-1.{tag}", SelfCheckCard.Create(SelfCheck.Question(l, 1)));
            yield return ($"selfcheck-3.{tag}", SelfCheckCard.Create(SelfCheck.Question(l, 3)));
            foreach (var card in Booking(l))
            {
                yield return ($"{card.Name}.{tag}", card.Card);
            }
        }
    }
}
