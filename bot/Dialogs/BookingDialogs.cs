using System.Text.RegularExpressions;
using VpWijzer.Cards;
using VpWijzer.Cards.Booking;
using VpWijzer.Connector;
using VpWijzer.Knowledge;
using VpWijzer.Protocol;
using VpWijzer.Routing;
using VpWijzer.Scheduling;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// Book a conversation with a VP of the employee's own choice: expectations → (consent) → VP →
/// mode → slot → visibility → optional sharing → confirm. Every step validates that the button
/// belongs to the current booking, so stale or tampered cards change nothing.
/// </summary>
public sealed partial class BookingDialogs(
    KnowledgeBase knowledge,
    IVpDirectory directory,
    IRoomDirectory rooms,
    ICalendarService calendar,
    IOrgChartReader orgChart,
    IConnectorClient connector,
    BookingStore bookings,
    ConversationStateAccessor stateKeys,
    IBookingEvents events,
    ICalendarLinkFactory calendarLinks,
    IVpHome? vpHome = null) : IRouteModule, IBookingEntry
{
    public const int SlotsToOffer = 4;

    /// <summary>The directory's time zone; every time is shown in it.</summary>
    public const string TimeZone = "Europe/Amsterdam";

    private static readonly string[] ShareableTopics = [TopicIds.Bullying, TopicIds.SexualHarassment, TopicIds.Discrimination, TopicIds.Aggression, TopicIds.UnwantedBehaviour];
    private static readonly string[] FocusTopics = [TopicIds.Discrimination, TopicIds.SexualHarassment, TopicIds.Bullying, TopicIds.Aggression];

    public void Register(RouterBuilder routes)
    {
        routes
            .OnVerb(CardVerbs.BookingContinue, (ctx, _) => ContinueAsync(ctx))
            .OnVerb(CardVerbs.BookingAsEmployee, (ctx, _) => StartAsEmployeeAsync(ctx))
            .OnCommand("afspraken", StartAsync)
            .OnCommand("mijn afspraken", StartAsync)
            .OnCommand("appointments", StartAsync)
            .OnCommand("my appointments", StartAsync)
            .OnVerb(CardVerbs.BookingConsent, ConsentAsync)
            .OnVerb(CardVerbs.BookingFilter, FilterAsync)
            .OnVerb(CardVerbs.BookingChooseVp, ChooseVpAsync)
            .OnVerb(CardVerbs.BookingFirstAvailable, (ctx, _) => FirstAvailableAsync(ctx))
            .OnVerb(CardVerbs.BookingMode, ModeAsync)
            .OnVerb(CardVerbs.BookingSlot, SlotAsync)
            .OnVerb(CardVerbs.BookingVisibility, VisibilityAsync)
            .OnVerb(CardVerbs.BookingShare, ShareAsync)
            .OnVerb(CardVerbs.BookingConfirm, ConfirmAsync)
            .OnVerb(CardVerbs.BookingBack, BackAsync)
            .OnVerb(CardVerbs.BookingCancel, AskCancelAsync)
            .OnVerb(CardVerbs.BookingCancelConfirmed, CancelAsync)
            .OnVerb(CardVerbs.BookingKeep, KeepAsync)
            .OnVerb(CardVerbs.BookingReschedule, RescheduleAsync)
            .OnVerb(CardVerbs.BookingAcceptProposal, AcceptProposalAsync)
            .OnVerb(CardVerbs.BookingChooseOtherVp, ChooseOtherVpAsync);
    }

    /// <summary>Booking needs a channel that knows who the employee is (Teams); the intranet chat is anonymous.</summary>
    public static bool CanBookOn(Activity activity) =>
        activity.ChannelId is Channels.MsTeams or Channels.Emulator or "agents" or "test" && !string.IsNullOrEmpty(activity.From?.Id);

    /// <summary>An employee gets the booking intro; a VP gets their own bookings and VP help (they can still book as an employee from there).</summary>
    public Task StartAsync(TurnContext context) =>
        vpHome?.VpOf(context) is { } vp ? vpHome.ShowAsync(context, vp) : StartAsEmployeeAsync(context);

    private Task StartAsEmployeeAsync(TurnContext context)
    {
        context.State.Flow = DialogFlow.Booking;
        context.State.Step = BookingSteps.Intro;
        context.State.Booking = new BookingDraft();
        var canBook = CanBookOn(context.Activity);
        var contacts = canBook ? null : directory.All.Select(vp => new VpContact(vp.DisplayName, vp.Department, vp.IsExternal, vp.UserPrincipalName, vp.Languages.Select(c => BookingText.LanguageName(c, context.Language)).ToList(), vp.Phone, vp.PhoneLink)).ToList();
        context.SendCard(BookingIntroCard.Create(new BookingIntroView(context.Language, canBook, contacts)), context.Language.Pick("Praten met een vertrouwenspersoon", "Talking to a confidential adviser"));
        return Task.CompletedTask;
    }

    private Task ContinueAsync(TurnContext context)
    {
        if (!InStep(context, BookingSteps.Intro) || !CanBookOn(context.Activity))
        {
            return StaleAsync(context);
        }

        if (orgChart.IsEnabled && !string.IsNullOrEmpty(context.Activity.From?.AadObjectId))
        {
            context.State.Step = BookingSteps.Consent;
            context.SendCard(ConsentCard.Create(context.Language), context.Language.Pick("Mag ik je afdeling opzoeken?", "May I look up your department?"));
            return Task.CompletedTask;
        }

        return ShowGalleryAsync(context);
    }

    private async Task ConsentAsync(TurnContext context, ConsentPayload payload)
    {
        if (!InStep(context, BookingSteps.Consent))
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        var draft = context.State.Booking!;
        draft.OrgChartConsent = payload.Consent;
        if (payload.Consent && context.Activity.From?.AadObjectId is { } objectId)
        {
            var position = await orgChart.GetAsync(objectId, context.CancellationToken).ConfigureAwait(false);
            if (position is null)
            {
                draft.OrgChartConsent = false;
                context.SendText(context.Language.Pick(
                    "Ik kon je afdeling nu niet opzoeken. Werk je samen met een VP? Kies dan een ander.",
                    "I couldn't look up your department just now. Do you work with a VP? Then choose someone else."));
            }
            else
            {
                // Only VP ids are kept, never the department or the managers themselves.
                draft.ExcludedVpIds = directory.All.Where(vp => position.ManagerChainObjectIds.Contains(vp.ObjectId, StringComparer.OrdinalIgnoreCase) || vp.ObjectId.Equals(objectId, StringComparison.OrdinalIgnoreCase)).Select(vp => vp.Id).ToList();
                draft.OwnDepartmentVpIds = position.Department is null
                    ? []
                    : directory.All.Where(vp => vp.Department.Equals(position.Department, StringComparison.OrdinalIgnoreCase)).Select(vp => vp.Id).ToList();
            }
        }

        await ShowGalleryAsync(context).ConfigureAwait(false);
    }

    private Task ShowGalleryAsync(TurnContext context)
    {
        var l = context.Language;
        var draft = context.State.Booking!;
        draft.Filter ??= new GalleryFilter();
        context.State.Step = BookingSteps.ChooseVp;
        var languages = directory.All.SelectMany(v => v.Languages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => (c, BookingText.LanguageName(c, l))).ToList();
        var focus = FocusTopics.Select(t => (t, knowledge[t].Text(l).Title)).ToList();
        var view = new VpGalleryView(
            l,
            Candidates(draft).Select(vp => new VpItem(vp.Id, vp.DisplayName, vp.Department, vp.IsExternal, vp.Languages.Select(c => BookingText.LanguageName(c, l)).ToList(), l == Language.En ? vp.IntroEn : vp.IntroNl, vp.PhotoUrl)).ToList(),
            draft.Filter,
            languages,
            focus,
            CanFilterOwnDepartment: draft.OwnDepartmentVpIds is not null,
            RemindToAvoidKnownVps: draft.OrgChartConsent != true);
        context.SendCard(VpGalleryCard.Create(view), l.Pick("Kies een vertrouwenspersoon", "Choose a confidential adviser"));
        return Task.CompletedTask;
    }

    /// <summary>The VPs that may be offered: never one in the employee's management line, then the filters.</summary>
    private IEnumerable<VpProfile> Candidates(BookingDraft draft)
    {
        var filter = draft.Filter ?? new GalleryFilter();
        return directory.All
            .Where(vp => draft.ExcludedVpIds is null || !draft.ExcludedVpIds.Contains(vp.Id))
            .Where(vp => !filter.OutsideOwnDepartment || draft.OwnDepartmentVpIds is null || !draft.OwnDepartmentVpIds.Contains(vp.Id))
            .Where(vp => filter.Gender is null || vp.Gender == filter.Gender)
            .Where(vp => filter.Language is null || vp.Languages.Contains(filter.Language))
            .Where(vp => filter.Kind is null || vp.IsExternal == (filter.Kind == "external"))
            .Where(vp => filter.Focus is null || vp.Focus.Contains(filter.Focus));
    }

    private Task FilterAsync(TurnContext context, GalleryFilterPayload payload)
    {
        if (!InStep(context, BookingSteps.ChooseVp))
        {
            return StaleAsync(context);
        }

        // Inputs come back as strings the client chose; anything not on our own lists is ignored.
        var languages = directory.All.SelectMany(v => v.Languages).ToHashSet(StringComparer.Ordinal);
        context.State.Booking!.Filter = new GalleryFilter
        {
            Gender = payload.FilterGender is "female" or "male" or "x" ? payload.FilterGender : null,
            Language = payload.FilterLanguage is { } lang && languages.Contains(lang) ? lang : null,
            Kind = payload.FilterKind is "internal" or "external" ? payload.FilterKind : null,
            Focus = payload.FilterFocus is { } f && FocusTopics.Contains(f) ? f : null,
            OutsideOwnDepartment = payload.FilterOutside == "true",
        };
        return ShowGalleryAsync(context);
    }

    private Task ChooseVpAsync(TurnContext context, VpChoicePayload payload)
    {
        if (!InStep(context, BookingSteps.ChooseVp))
        {
            return StaleAsync(context);
        }

        var draft = context.State.Booking!;
        var vp = directory.Find(payload.VpId);
        if (vp is null || (draft.ExcludedVpIds?.Contains(vp.Id) ?? false))
        {
            context.SendText(context.Language.Pick("Die vertrouwenspersoon kan ik je niet aanbieden. Kies iemand uit de lijst.", "I can't offer you that confidential adviser. Please choose someone from the list."));
            return ShowGalleryAsync(context);
        }

        draft.VpId = vp.Id;
        draft.FirstAvailable = false;
        return ShowModeAsync(context, vp.DisplayName, vp.Phone is not null);
    }

    private static Task FirstAvailableAsync(TurnContext context)
    {
        if (!InStep(context, BookingSteps.ChooseVp))
        {
            return StaleAsync(context);
        }

        var draft = context.State.Booking!;
        draft.VpId = null;
        draft.FirstAvailable = true;
        return ShowModeAsync(context, context.Language.Pick("een vertrouwenspersoon", "a confidential adviser"), phone: true);
    }

    /// <param name="phone">False when the VP has no work number in the directory: the employee calls the VP, so without one there is no phone conversation.</param>
    private static Task ShowModeAsync(TurnContext context, string vpName, bool phone)
    {
        context.State.Step = BookingSteps.Mode;
        context.SendCard(ModeCard.Create(new ModeView(context.Language, vpName, phone)), context.Language.Pick("Hoe wil je praten?", "How would you like to talk?"));
        return Task.CompletedTask;
    }

    private async Task ModeAsync(TurnContext context, ModePayload payload)
    {
        if (!InStep(context, BookingSteps.Mode) || !Enum.TryParse<MeetingMode>(payload.Mode, ignoreCase: false, out var mode) || !Enum.IsDefined(mode))
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        var draft = context.State.Booking!;
        if (mode == MeetingMode.Phone && !draft.FirstAvailable && directory.Find(draft.VpId ?? string.Empty)?.Phone is null)
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        draft.Mode = mode.ToString();
        await context.TypingAsync().ConfigureAwait(false);
        if (draft.FirstAvailable)
        {
            VpProfile? earliest = null;
            DateTimeOffset earliestStart = DateTimeOffset.MaxValue;
            foreach (var candidate in Candidates(draft).Where(c => mode != MeetingMode.Phone || c.Phone is not null))
            {
                var first = await calendar.FindSlotsAsync(candidate, mode, 1, context.CancellationToken).ConfigureAwait(false);
                if (first.Count > 0 && first[0].Start < earliestStart)
                {
                    earliest = candidate;
                    earliestStart = first[0].Start;
                }
            }

            if (earliest is null)
            {
                context.SendText(context.Language.Pick(
                    "Er is op dit moment geen vertrouwenspersoon met plek in de agenda. Probeer een andere manier van praten, of kies zelf een VP.",
                    "No confidential adviser has free time right now. Try another way of talking, or choose a VP yourself."));
                await ShowModeAsync(context, context.Language.Pick("een vertrouwenspersoon", "a confidential adviser"), phone: true).ConfigureAwait(false);
                return;
            }

            draft.VpId = earliest.Id;
        }

        await OfferSlotsAsync(context, afterConflict: false).ConfigureAwait(false);
    }

    private async Task OfferSlotsAsync(TurnContext context, bool afterConflict, IReadOnlyList<Slot>? fresh = null)
    {
        var draft = context.State.Booking!;
        var vp = directory.Find(draft.VpId ?? string.Empty);
        if (vp is null || !Enum.TryParse<MeetingMode>(draft.Mode, out var mode))
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<Slot> slots;
        if (fresh is null)
        {
            await context.TypingAsync().ConfigureAwait(false);
        }

        try
        {
            slots = fresh ?? await calendar.FindSlotsAsync(vp, mode, SlotsToOffer, context.CancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            SendCalendarUnavailable(context);
            return;
        }

        context.State.Step = BookingSteps.Slot;
        draft.Offered = slots.Select(s => new OfferedSlot { Id = s.Id, Start = s.Start, End = s.End, RoomId = s.Room?.Id }).ToList();
        var items = slots.Select(s => new SlotItem(s.Id, BookingText.When(s.Start, s.End, s.TimeZone, context.Language), BookingText.Where(s.Room, context.Language), BookingText.ShortWhen(s.Start, s.TimeZone, context.Language))).ToList();
        context.SendCard(SlotsCard.Create(new SlotsView(context.Language, vp.DisplayName, items, afterConflict)), context.Language.Pick("Kies een tijdstip", "Choose a time"));
    }

    private async Task SlotAsync(TurnContext context, SlotChoicePayload payload)
    {
        var draft = context.State.Booking;
        var offered = draft?.Offered?.FirstOrDefault(o => o.Id == payload.SlotId);
        if (!InStep(context, BookingSteps.Slot) || offered is null)
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        draft!.SlotId = offered.Id;
        if (draft.EventId is not null)
        {
            await CompleteRescheduleAsync(context, offered).ConfigureAwait(false);
            return;
        }

        context.State.Step = BookingSteps.Visibility;
        var vp = directory.Find(draft.VpId!)!;
        context.SendCard(VisibilityCard.Create(new VisibilityView(context.Language, vp.DisplayName, NamedInviteAvailable: !string.IsNullOrEmpty(context.Activity.From?.AadObjectId))), context.Language.Pick("Uitnodiging of zonder naam?", "Invite or without your name?"));
    }

    private Task VisibilityAsync(TurnContext context, VisibilityPayload payload)
    {
        if (!InStep(context, BookingSteps.Visibility))
        {
            return StaleAsync(context);
        }

        var draft = context.State.Booking!;
        draft.Anonymous = payload.Anonymous || string.IsNullOrEmpty(context.Activity.From?.AadObjectId);
        context.State.Step = BookingSteps.Share;
        var vp = directory.Find(draft.VpId!)!;
        var l = context.Language;
        context.SendCard(
            ShareCard.Create(new ShareView(l, ShareableTopics.Select(t => (t, knowledge[t].Text(l).Title)).ToList(), vp.Languages.Select(c => (c, BookingText.LanguageName(c, l))).ToList())),
            l.Pick("Wil je iets delen?", "Would you like to share something?"));
        return Task.CompletedTask;
    }

    private Task ShareAsync(TurnContext context, SharePayload payload)
    {
        if (!InStep(context, BookingSteps.Share))
        {
            return StaleAsync(context);
        }

        var draft = context.State.Booking!;
        var vp = directory.Find(draft.VpId!)!;
        draft.SharedTopic = payload.ShareTopic is { } topic && ShareableTopics.Contains(topic) ? topic : null;
        draft.PreferredLanguage = payload.ShareLanguage is { } lang && vp.Languages.Contains(lang) ? lang : null;
        context.State.Step = BookingSteps.Confirm;
        return ShowSummaryAsync(context);
    }

    private async Task ShowSummaryAsync(TurnContext context)
    {
        var l = context.Language;
        var draft = context.State.Booking!;
        var vp = directory.Find(draft.VpId!)!;
        var slot = draft.Offered!.First(o => o.Id == draft.SlotId);
        var mode = Enum.Parse<MeetingMode>(draft.Mode!);
        var view = new BookingSummaryView(
            l,
            draft.BookingId,
            vp.DisplayName,
            BookingText.When(slot.Start, slot.End, TimeZone, l),
            BookingText.How(mode, await RoomAsync(slot.RoomId, context.CancellationToken).ConfigureAwait(false), l, vp, hasJoinLink: mode == MeetingMode.TeamsCall),
            draft.Anonymous == true
                ? l.Pick("zonder naam: de VP ziet 'een collega'", "without your name: the VP sees 'a colleague'")
                : l.Pick("met je naam, alleen voor deze VP", "with your name, for this VP only"),
            draft.SharedTopic is null ? null : knowledge[draft.SharedTopic].Text(l).Title,
            BookingText.LanguageName(draft.PreferredLanguage ?? l.Tag(), l));
        context.SendCard(ConfirmBookingCard.Create(view), l.Pick("Klopt dit?", "Is this right?"));
    }

    private async Task ConfirmAsync(TurnContext context, BookingRefPayload payload)
    {
        var draft = context.State.Booking;
        if (!InStep(context, BookingSteps.Confirm) || draft is null || draft.BookingId != payload.BookingId || draft.SlotId is null || draft.VpId is null)
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        var l = context.Language;
        var vp = directory.Find(draft.VpId)!;
        var offered = draft.Offered!.First(o => o.Id == draft.SlotId);
        var mode = Enum.Parse<MeetingMode>(draft.Mode!);
        var slot = new Slot(offered.Id, offered.Start, offered.End, TimeZone, await RoomAsync(offered.RoomId, context.CancellationToken).ConfigureAwait(false));

        Attendee? employee = null;
        if (draft.Anonymous != true)
        {
            employee = await ReadEmployeeAsync(context).ConfigureAwait(false);
            if (employee is null)
            {
                draft.Anonymous = true;
                context.SendText(l.Pick(
                    "Ik kon je agendagegevens niet ophalen. Daarom reserveer ik zonder je naam: je krijgt tijd en plek hier in de chat.",
                    "I couldn't read your calendar details. So I'm booking without your name: you'll get the time and place here in the chat."));
            }
        }

        await context.TypingAsync().ConfigureAwait(false);
        BookingOutcome outcome;
        try
        {
            outcome = await calendar.BookAsync(new BookingRequest(draft.BookingId, vp, slot, mode, employee, l.Tag()), context.CancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            outcome = new BookingOutcome.Failed(BookingFailure.Unavailable);
        }

        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                draft.EventId = booked.EventId;
                context.State.Step = BookingSteps.Booked;
                var record = new BookingRecord
                {
                    BookingId = draft.BookingId,
                    OwnerKey = OwnerKey(context),
                    VpId = vp.Id,
                    EventId = booked.EventId,
                    Mode = mode.ToString(),
                    Start = slot.Start,
                    End = slot.End,
                    RoomId = slot.Room?.Id,
                    RoomName = slot.Room?.DisplayName,
                    RoomBuilding = slot.Room?.Building,
                    RoomFloor = slot.Room?.Floor,
                    JoinUrl = mode == MeetingMode.TeamsCall ? MeetingLinks.TeamsJoinUrl(booked.OnlineMeetingUrl) : null,
                    Anonymous = draft.Anonymous == true,
                    SharedTopic = draft.SharedTopic,
                    PreferredLanguage = draft.PreferredLanguage,
                    Language = l,
                };
                await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
                var card = context.SendCard(BookedCard.Create(BookedViewFor(record, vp)), l.Pick("Je afspraak staat", "Your appointment is booked"));
                Telemetry.BotTelemetry.Booking("booked");
                await events.BookedAsync(context, record, employee is null ? null : employee.DisplayName).ConfigureAwait(false);
                RememberEmployeeCard(context, card, record.BookingId);
                break;

            case BookingOutcome.SlotNoLongerFree conflict:
                await OfferSlotsAsync(context, afterConflict: true, conflict.Fresh).ConfigureAwait(false);
                break;

            default:
                context.SendText(l.Pick(
                    "Het lukte nu niet om de afspraak te maken. Er is niets vastgelegd. Probeer het over een paar minuten nog eens met dezelfde knop.",
                    "I couldn't make the appointment just now. Nothing has been booked. Please try again in a few minutes with the same button."));
                break;
        }
    }

    private async Task AskCancelAsync(TurnContext context, BookingRefPayload payload)
    {
        var record = await OwnRecordAsync(context, payload.BookingId).ConfigureAwait(false);
        var l = context.Language;
        var vp = record is null ? null : directory.Find(record.VpId);
        if (record is null || vp is null || record.Status is "cancelled" or "referred")
        {
            context.SendText(l.Pick("Deze afspraak kan ik niet (meer) vinden. Misschien is hij al afgezegd.", "I can't find this appointment (any more). Perhaps it was already cancelled."));
            return;
        }

        context.SendCard(BookedCard.ConfirmCancel(l, record.BookingId, vp.DisplayName, BookingText.When(record.Start, record.End, TimeZone, l)), l.Pick("Afspraak afzeggen?", "Cancel the appointment?"));
    }

    private async Task KeepAsync(TurnContext context, BookingRefPayload payload)
    {
        var record = await OwnRecordAsync(context, payload.BookingId).ConfigureAwait(false);
        context.SendText(record is null || record.Status is "cancelled" or "referred"
            ? context.Language.Pick("Deze afspraak kan ik niet (meer) vinden. Typ **afspraak** als je een nieuwe wilt maken.", "I can't find this appointment (any more). Type **book** if you'd like a new one.")
            : context.Language.Pick("Goed, je afspraak blijft gewoon staan.", "Fine, your appointment stays as it is."));
    }

    private async Task CancelAsync(TurnContext context, BookingRefPayload payload)
    {
        var record = await OwnRecordAsync(context, payload.BookingId).ConfigureAwait(false);
        var l = context.Language;
        if (record is null || record.Status is "cancelled" or "referred")
        {
            context.SendText(l.Pick("Deze afspraak kan ik niet (meer) vinden. Misschien is hij al afgezegd.", "I can't find this appointment (any more). Perhaps it was already cancelled."));
            return;
        }

        var vp = directory.Find(record.VpId);
        await context.TypingAsync().ConfigureAwait(false);
        var gone = vp is not null && await calendar.CancelAsync(vp, record.EventId, context.CancellationToken).ConfigureAwait(false);
        if (!gone)
        {
            context.SendText(l.Pick("Afzeggen lukte nu niet. Probeer het zo nog eens.", "Cancelling didn't work just now. Please try again shortly."));
            return;
        }

        record.Status = "cancelled";
        await bookings.DeleteAsync(record.BookingId, context.CancellationToken).ConfigureAwait(false);
        context.State.Booking = null;
        context.State.Flow = DialogFlow.None;
        context.SendCard(
            BookedCard.Create(BookingText.Employee(record, vp!, null, note: l.Pick("Je hebt afgezegd. De VP ziet alleen dat de afspraak niet doorgaat, niet waarom.", "You cancelled. The VP only sees that the appointment is off, not why."))),
            l.Pick("Afspraak afgezegd", "Appointment cancelled"));
        Telemetry.BotTelemetry.Booking("cancelled");
        await events.CancelledByEmployeeAsync(context, record).ConfigureAwait(false);
    }

    private async Task RescheduleAsync(TurnContext context, BookingRefPayload payload)
    {
        var record = await OwnRecordAsync(context, payload.BookingId).ConfigureAwait(false);
        if (record is null || record.Status == "cancelled")
        {
            context.SendText(context.Language.Pick("Deze afspraak kan ik niet (meer) vinden.", "I can't find this appointment (any more)."));
            return;
        }

        context.State.Flow = DialogFlow.Booking;
        context.State.Booking = new BookingDraft { BookingId = record.BookingId, VpId = record.VpId, Mode = record.Mode, EventId = record.EventId, Anonymous = record.Anonymous };
        await OfferSlotsAsync(context, afterConflict: false).ConfigureAwait(false);
    }

    private async Task AcceptProposalAsync(TurnContext context, BookingRefPayload payload)
    {
        var record = await OwnRecordAsync(context, payload.BookingId).ConfigureAwait(false);
        var vp = record is null ? null : directory.Find(record.VpId);
        var l = context.Language;
        if (record?.Proposed is not { } proposed || record.Status != "proposed" || vp is null)
        {
            context.SendText(l.Pick("Dit voorstel geldt niet meer. Er is niets veranderd.", "This proposal no longer applies. Nothing has changed."));
            return;
        }

        var mode = Enum.Parse<MeetingMode>(record.Mode);
        var slot = new Slot(proposed.Id, proposed.Start, proposed.End, TimeZone, await RoomAsync(proposed.RoomId, context.CancellationToken).ConfigureAwait(false));
        var outcome = await calendar.RescheduleAsync(record.BookingId, vp, record.EventId, slot, mode, context.CancellationToken).ConfigureAwait(false);
        if (outcome is not BookingOutcome.Booked)
        {
            context.SendText(l.Pick(
                "Dat tijdstip is intussen niet meer vrij. Je oude afspraak blijft staan. Je kunt een ander tijdstip kiezen met 'Ander tijdstip'.",
                "That time is no longer free. Your old appointment still stands. You can choose another time with 'Another time'."));
            return;
        }

        var oldWhen = BookingText.When(record.Start, record.End, TimeZone, l);
        SetSlot(record, slot);
        record.Proposed = null;
        record.MovedFromStart = null;
        record.MovedFromEnd = null;
        record.Status = "confirmed";
        await events.EmployeeCardSupersededAsync(context, record, oldWhen).ConfigureAwait(false);
        var card = context.SendCard(BookedCard.Create(BookedViewFor(record, vp)), l.Pick("Je afspraak is verzet", "Your appointment has been moved"));
        RememberEmployeeCard(context, card, record.BookingId);
        Telemetry.BotTelemetry.Booking("proposal-accepted");
        await events.ProposalAcceptedAsync(context, record).ConfigureAwait(false);
    }

    private async Task ChooseOtherVpAsync(TurnContext context, BookingRefPayload payload)
    {
        var record = await OwnRecordAsync(context, payload.BookingId).ConfigureAwait(false);
        if (record is null)
        {
            context.SendText(context.Language.Pick("Deze afspraak kan ik niet (meer) vinden. Typ **afspraak** om opnieuw te beginnen.", "I can't find this appointment (any more). Type **book** to start again."));
            return;
        }

        if (record.Status is not ("cancelled" or "referred") && directory.Find(record.VpId) is { } vp)
        {
            await calendar.CancelAsync(vp, record.EventId, context.CancellationToken).ConfigureAwait(false);
            record.Status = "cancelled";
            Telemetry.BotTelemetry.Booking("cancelled");
        await events.CancelledByEmployeeAsync(context, record).ConfigureAwait(false);
        }

        await bookings.DeleteAsync(record.BookingId, context.CancellationToken).ConfigureAwait(false);

        // Straight to the gallery, without the VP they had: nothing to retell, nothing to fill in again.
        context.State.Flow = DialogFlow.Booking;
        context.State.Booking = new BookingDraft { ExcludedVpIds = [record.VpId], OrgChartConsent = false, SharedTopic = record.SharedTopic, PreferredLanguage = record.PreferredLanguage };
        await ShowGalleryAsync(context).ConfigureAwait(false);
    }

    private async Task CompleteRescheduleAsync(TurnContext context, OfferedSlot offered)
    {
        var draft = context.State.Booking!;
        var l = context.Language;
        var record = await OwnRecordAsync(context, draft.BookingId).ConfigureAwait(false);
        var vp = directory.Find(draft.VpId!);
        if (record is null || vp is null)
        {
            await StaleAsync(context).ConfigureAwait(false);
            return;
        }

        var mode = Enum.Parse<MeetingMode>(record.Mode);
        var slot = new Slot(offered.Id, offered.Start, offered.End, TimeZone, await RoomAsync(offered.RoomId, context.CancellationToken).ConfigureAwait(false));
        await context.TypingAsync().ConfigureAwait(false);
        BookingOutcome outcome;
        try
        {
            outcome = await calendar.RescheduleAsync(record.BookingId, vp, record.EventId, slot, mode, context.CancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            outcome = new BookingOutcome.Failed(BookingFailure.Unavailable);
        }

        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                var oldStart = record.Start;
                var oldEnd = record.End;
                var oldWhen = BookingText.When(oldStart, oldEnd, TimeZone, record.Language);
                SetSlot(record, slot);
                if (mode == MeetingMode.TeamsCall && MeetingLinks.TeamsJoinUrl(booked.OnlineMeetingUrl) is { } joinUrl)
                {
                    record.JoinUrl = joinUrl;
                }

                // The VP sees "verzet van … naar …" until they confirm the new time.
                record.MovedFromStart = oldStart;
                record.MovedFromEnd = oldEnd;
                record.Status = "booked";
                await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
                context.State.Step = BookingSteps.Booked;
                await events.EmployeeCardSupersededAsync(context, record, oldWhen).ConfigureAwait(false);
                var card = context.SendCard(BookedCard.Create(BookedViewFor(record, vp)), l.Pick("Je afspraak is verzet", "Your appointment has been moved"));
                RememberEmployeeCard(context, card, record.BookingId);
                Telemetry.BotTelemetry.Booking("rescheduled");
                await events.RescheduledByEmployeeAsync(context, record).ConfigureAwait(false);
                break;
            case BookingOutcome.SlotNoLongerFree conflict:
                await OfferSlotsAsync(context, afterConflict: true, conflict.Fresh).ConfigureAwait(false);
                break;
            default:
                context.SendText(l.Pick(
                    "Verzetten lukte nu niet. Je oude afspraak blijft gewoon staan. Probeer het zo nog eens.",
                    "Moving the appointment didn't work just now. Your old appointment still stands. Please try again shortly."));
                break;
        }
    }

    private Task BackAsync(TurnContext context, BackPayload payload)
    {
        var state = context.State;
        if (state.Flow != DialogFlow.Booking || state.Booking is null || payload.ToStep < BookingSteps.Intro || payload.ToStep >= state.Step)
        {
            return StaleAsync(context);
        }

        return payload.ToStep switch
        {
            BookingSteps.Intro => StartAsEmployeeAsync(context),
            BookingSteps.Consent or BookingSteps.ChooseVp => ShowGalleryAsync(context),
            BookingSteps.Mode => state.Booking.FirstAvailable || directory.Find(state.Booking.VpId ?? string.Empty) is not { } chosen
                ? ShowModeAsync(context, context.Language.Pick("een vertrouwenspersoon", "a confidential adviser"), phone: true)
                : ShowModeAsync(context, chosen.DisplayName, chosen.Phone is not null),
            BookingSteps.Slot => OfferSlotsAsync(context, afterConflict: false),
            BookingSteps.Visibility => SlotAsync(WithStep(context, BookingSteps.Slot), new SlotChoicePayload(state.Booking.SlotId ?? string.Empty)),
            BookingSteps.Share => VisibilityAsync(WithStep(context, BookingSteps.Visibility), new VisibilityPayload(state.Booking.Anonymous == true)),
            _ => StaleAsync(context),
        };
    }

    /// <summary>Remembers the confirmation card's id once delivered, so the VP's answer can update it in place.</summary>
    private void RememberEmployeeCard(TurnContext context, Protocol.Activity card, string bookingId) =>
        context.OnDelivered(card, async (id, ct) =>
        {
            if (await bookings.GetAsync(bookingId, ct).ConfigureAwait(false) is { } saved)
            {
                saved.EmployeeCardActivityId = id;
                await bookings.SaveAsync(saved, ct).ConfigureAwait(false);
            }
        });

    private static TurnContext WithStep(TurnContext context, int step)
    {
        context.State.Step = step;
        return context;
    }

    private async Task<Attendee?> ReadEmployeeAsync(TurnContext context)
    {
        // Identity is read only now, after the employee chose a named invite, and goes only into this VP's invite.
        var activity = context.Activity;
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.From?.Id is null)
        {
            return null;
        }

        try
        {
            var member = await connector.GetMemberAsync(activity.ServiceUrl, activity.Conversation.Id, activity.From.Id, context.CancellationToken).ConfigureAwait(false);
            var email = member?.UserPrincipalName ?? (member?.ExtensionData is { } extra && extra.TryGetValue("email", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null);
            return member?.Name is { Length: > 0 } name && email is not null && EmailPattern().IsMatch(email) ? new Attendee(name, email) : null;
        }
        catch (ConnectorException)
        {
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task<BookingRecord?> OwnRecordAsync(TurnContext context, string bookingId)
    {
        if (!BookingIdPattern().IsMatch(bookingId))
        {
            return null;
        }

        var record = await bookings.GetAsync(bookingId, context.CancellationToken).ConfigureAwait(false);
        return record is not null && record.OwnerKey == OwnerKey(context) ? record : null;
    }

    private string OwnerKey(TurnContext context) => stateKeys.KeyFor(context.Activity.ChannelId ?? string.Empty, context.Activity.Conversation?.Id ?? string.Empty);

    private BookedView BookedViewFor(BookingRecord record, VpProfile vp) =>
        BookingText.Employee(record, vp, record.Anonymous ? calendarLinks.UrlFor(record.BookingId) : null);

    private static void SetSlot(BookingRecord record, Slot slot)
    {
        record.Start = slot.Start;
        record.End = slot.End;
        record.RoomId = slot.Room?.Id;
        record.RoomName = slot.Room?.DisplayName;
        record.RoomBuilding = slot.Room?.Building;
        record.RoomFloor = slot.Room?.Floor;
    }

    private async Task<Room?> RoomAsync(string? roomId, CancellationToken ct)
    {
        if (roomId is null)
        {
            return null;
        }

        var eligible = await rooms.GetEligibleRoomsAsync(ct).ConfigureAwait(false);
        return eligible.FirstOrDefault(r => r.Id == roomId);
    }

    private static bool InStep(TurnContext context, int step) =>
        context.State.Flow == DialogFlow.Booking && context.State.Booking is not null && context.State.Step == step;

    private static Task StaleAsync(TurnContext context)
    {
        context.SendText(context.Language.Pick(
            "Deze knop hoort bij een eerdere stap of een ander gesprek. Er is niets veranderd. Typ **afspraak** om opnieuw te beginnen, of **menu**.",
            "This button belongs to an earlier step or another conversation. Nothing has changed. Type **book** to start again, or **menu**."));
        return Task.CompletedTask;
    }

    private static void SendCalendarUnavailable(TurnContext context) =>
        context.SendText(context.Language.Pick(
            "Ik kan de agenda's nu even niet bekijken. Probeer het over een paar minuten nog eens. Er is niets vastgelegd.",
            "I can't look at the calendars right now. Please try again in a few minutes. Nothing has been booked."));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex BookingIdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
