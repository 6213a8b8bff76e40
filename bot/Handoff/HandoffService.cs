using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpWijzer.Cards;
using VpWijzer.Cards.Booking;
using VpWijzer.Cards.Handoff;
using VpWijzer.Connector;
using VpWijzer.Dialogs;
using VpWijzer.Figures;
using VpWijzer.Knowledge;
using VpWijzer.Protocol;
using VpWijzer.Routing;
using VpWijzer.Scheduling;
using VpWijzer.State;

namespace VpWijzer.Handoff;

public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>After this long without a VP action the employee is told and may choose another VP.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan NoResponseAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Bot Connector URL for creating a VP's 1:1 conversation when none is known (Teams: the tenant's region).</summary>
    public string? ServiceUrl { get; set; }
}

/// <summary>
/// The bridge to a person: sends the VP a handoff card when a booking is made, handles the VP's
/// actions, and keeps the employee informed — without the employee ever retelling their story,
/// and without anything they typed. The employee's name travels once, in the first card, only for
/// a named invite; it is never stored (refreshed cards point to the calendar invite instead).
/// </summary>
public sealed partial class HandoffService(
    IConnectorClient connector,
    BookingStore bookings,
    VpConversationStore vpConversations,
    IVpDirectory directory,
    ICalendarService calendar,
    KnowledgeBase knowledge,
    IOptions<HandoffOptions> options,
    IOptions<ConnectorAuthOptions> botIdentity,
    TimeProvider time,
    ILogger<HandoffService> logger,
    ICalendarLinkFactory? calendarLinks = null,
    FiguresRecorder? figures = null) : IBookingEvents, IRouteModule, ITurnMiddleware, IVpHome
{
    /// <summary>Upcoming bookings the VP's overview lists.</summary>
    public const int HomeBookings = 8;

    public void Register(RouterBuilder routes)
    {
        routes
            .OnVerb(CardVerbs.HandoffRefresh, (ctx, p) => VpActionAsync(ctx, p.BookingId, RefreshAsync))
            .OnVerb(CardVerbs.HandoffConfirm, (ctx, p) => VpActionAsync(ctx, p.BookingId, ConfirmAsync))
            .OnVerb(CardVerbs.HandoffPropose, (ctx, p) => VpActionAsync(ctx, p.BookingId, ShowProposalSlotsAsync))
            .OnVerb(CardVerbs.HandoffProposeSlot, (ctx, p) => VpActionAsync(ctx, p.BookingId, (c, r, vp) => ProposeAsync(c, r, vp, p.SlotId)))
            .OnVerb(CardVerbs.HandoffRefer, (ctx, p) => VpActionAsync(ctx, p.BookingId, ReferAsync))
            .OnVerb(CardVerbs.HandoffCancel, (ctx, p) => VpActionAsync(ctx, p.BookingId, CancelAsync))
            .OnVerb(CardVerbs.VpHome, (ctx, _) => VpOf(ctx) is { } vp ? ShowAsync(ctx, vp) : ctx.GetService<IBookingEntry>().StartAsync(ctx));
    }

    /// <summary>VP registration: whenever a VP from the directory writes to or installs the bot, keep where to reach them.</summary>
    public async Task InvokeAsync(TurnContext context, Func<Task> continuation)
    {
        var activity = context.Activity;
        if (CanRegisterVp(activity)
            && activity.From?.AadObjectId is { } objectId
            && directory.All.FirstOrDefault(v => string.Equals(v.ObjectId, objectId, StringComparison.OrdinalIgnoreCase)) is { } vp
            && Pointer(activity) is { } pointer)
        {
            await vpConversations.SaveAsync(vp.Id, pointer, context.CancellationToken).ConfigureAwait(false);
        }

        await continuation().ConfigureAwait(false);

        // Opening the bot: a VP gets their own overview after the welcome, never only the employee's view.
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded is { Count: > 0 } && context.Replies.Count > 0 && VpOf(context) is { } newcomer)
        {
            await ShowAsync(context, newcomer).ConfigureAwait(false);
        }
    }

    public VpProfile? VpOf(TurnContext context) =>
        context.Activity.ChannelId != Channels.DirectLine && context.Activity.From?.AadObjectId is { Length: > 0 } objectId
            ? directory.All.FirstOrDefault(v => string.Equals(v.ObjectId, objectId, StringComparison.OrdinalIgnoreCase))
            : null;

    public async Task ShowAsync(TurnContext context, VpProfile vp)
    {
        var l = VpLanguage(vp);
        var now = time.GetUtcNow();
        var ids = await bookings.IdsForVpAsync(vp.Id, context.CancellationToken).ConfigureAwait(false);
        var records = new List<BookingRecord>();
        var gone = new List<string>();
        foreach (var id in ids)
        {
            if (await bookings.GetAsync(id, context.CancellationToken).ConfigureAwait(false) is { } record && record.VpId == vp.Id)
            {
                records.Add(record);
            }
            else
            {
                gone.Add(id);
            }
        }

        await bookings.PruneVpIndexAsync(vp.Id, gone, context.CancellationToken).ConfigureAwait(false);
        var upcoming = records
            .Where(r => r.Status is "booked" or "confirmed" or "proposed" && r.End > now)
            .OrderBy(r => r.Start)
            .Take(HomeBookings)
            .Select(r => new VpHomeItem(
                r.BookingId,
                BookingText.When(r.Start, r.End, BookingDialogs.TimeZone, l),
                BookingText.ShortWhen(r.Start, BookingDialogs.TimeZone, l),
                BookingText.HowForVp(Enum.Parse<MeetingMode>(r.Mode), BookingText.Where(BookingText.RoomOf(r), l), l),
                r.Status == "booked" && r.MovedFromStart is not null ? "moved" : r.Status))
            .ToList();
        context.SendCard(VpHomeCard.Create(new VpHomeView(l, vp.DisplayName, upcoming)), l.Pick("Jouw afspraken", "Your appointments"));
    }

    public async Task BookedAsync(TurnContext context, BookingRecord record, string? employeeName)
    {
        record.CreatedAt = time.GetUtcNow();
        record.Employee = Pointer(context.Activity);
        var vp = directory.Find(record.VpId)!;
        var card = HandoffCard.Create(ViewFor(record, vp, employeeName ?? (record.Anonymous ? null : string.Empty)));
        try
        {
            var target = await VpConversationAsync(vp, context.Activity, context.CancellationToken).ConfigureAwait(false);
            record.Vp = target;
            var sent = await connector.SendToConversationAsync(Message(target, card, VpLanguage(vp).Pick("Nieuwe afspraak via VP-wijzer", "New appointment via VP-wijzer")), context.CancellationToken).ConfigureAwait(false);
            record.VpCardActivityId = sent?.Id;
            LogHandoffSent(logger);
        }
        catch (ConnectorException ex)
        {
            // The event is in the VP's calendar either way; the card can be re-sent when the VP next writes.
            LogHandoffFailed(logger, (int)(ex.StatusCode ?? 0));
        }

        await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
    }

    public async Task CancelledByEmployeeAsync(TurnContext context, BookingRecord record)
    {
        record.Status = "cancelled";
        if (directory.Find(record.VpId) is { } vp)
        {
            // The card the employee cancelled from keeps no live buttons.
            await UpdateEmployeeCardAsync(record, vp, context.CancellationToken).ConfigureAwait(false);
            var l = VpLanguage(vp);
            await TellVpAsync(record, l.Pick(
                $"Een afspraak via VP-wijzer is afgezegd: {BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l)}. Hij is uit je agenda gehaald.",
                $"An appointment via VP-wijzer was cancelled: {BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l)}. It has been removed from your calendar."), context.CancellationToken).ConfigureAwait(false);
        }

        record.Employee = null;
        await UpdateVpCardAsync(record, context.CancellationToken).ConfigureAwait(false);
    }

    public async Task RescheduledByEmployeeAsync(TurnContext context, BookingRecord record)
    {
        record.Status = "booked";
        record.Proposed = null;
        await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
        if (directory.Find(record.VpId) is { } vp && record.MovedFromStart is { } fromStart && record.MovedFromEnd is { } fromEnd)
        {
            // An in-place card update does not notify in Teams: a new message does.
            var l = VpLanguage(vp);
            await TellVpAsync(record, l.Pick(
                $"Een afspraak via VP-wijzer is verzet: van {BookingText.When(fromStart, fromEnd, BookingDialogs.TimeZone, l)} naar {BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l)}. Bevestig je de nieuwe tijd op de kaart?",
                $"An appointment via VP-wijzer was moved: from {BookingText.When(fromStart, fromEnd, BookingDialogs.TimeZone, l)} to {BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l)}. Will you confirm the new time on the card?"), context.CancellationToken).ConfigureAwait(false);
        }

        await UpdateVpCardAsync(record, context.CancellationToken).ConfigureAwait(false);
    }

    public async Task EmployeeCardSupersededAsync(TurnContext context, BookingRecord record, string oldWhen)
    {
        if (record.Employee is null || record.EmployeeCardActivityId is null || directory.Find(record.VpId) is not { } vp)
        {
            return;
        }

        var l = record.Language;
        var view = BookingText.Employee(record, vp, null, status: "moved", note: l.Pick(
            $"Nieuwe tijd: {BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l)}. Zie de kaart hieronder.",
            $"New time: {BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l)}. See the card below."), when: oldWhen);
        await UpdateCardAsync(record.Employee, record.EmployeeCardActivityId, BookedCard.Create(view), context.CancellationToken).ConfigureAwait(false);
    }

    public async Task ProposalAcceptedAsync(TurnContext context, BookingRecord record)
    {
        await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
        await UpdateVpCardAsync(record, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells employees whose VP has not reacted in time; returns how many were told.</summary>
    public async Task<int> CheckNoResponseAsync(CancellationToken ct)
    {
        var told = 0;
        var now = time.GetUtcNow();
        foreach (var id in bookings.OpenIds())
        {
            var record = await bookings.GetAsync(id, ct).ConfigureAwait(false);
            if (record is null || record.Status != "booked" || record.NoResponseNotified || record.Employee is null)
            {
                // Expired, answered or nobody to tell: nothing left to watch (security review L6).
                bookings.Forget(id);
                continue;
            }

            if (now - record.CreatedAt < options.Value.NoResponseAfter)
            {
                continue;
            }

            var l = record.Language;
            record.NoResponseNotified = true;
            figures?.VpAction(record.VpId, VpActions.NoResponse);
            await bookings.SaveAsync(record, ct).ConfigureAwait(false);
            await TellEmployeeAsync(record, l.Pick(
                "De vertrouwenspersoon heeft je afspraak nog niet bevestigd. Je afspraak blijft gewoon staan. Wil je liever iemand anders? Dat kan: kies hieronder een andere VP.",
                "The confidential adviser hasn't confirmed your appointment yet. Your appointment still stands. Would you rather see someone else? You can: choose another VP below."),
                OtherVpCard(l, record.BookingId), ct).ConfigureAwait(false);
            bookings.Forget(id);
            told++;
        }

        return told;
    }

    private delegate Task VpAction(TurnContext context, BookingRecord record, VpProfile vp);

    private async Task VpActionAsync(TurnContext context, string bookingId, VpAction action)
    {
        var record = bookingId.Length == 32 ? await bookings.GetAsync(bookingId, context.CancellationToken).ConfigureAwait(false) : null;
        var vp = record is null ? null : directory.Find(record.VpId);
        var l = vp is null ? context.Language : VpLanguage(vp);
        if (record is null || vp is null)
        {
            Reply(context, l.Pick("Deze afspraak bestaat niet meer.", "This appointment no longer exists."));
            return;
        }

        // Only the VP of this booking may act on it.
        if (!string.Equals(context.Activity.From?.AadObjectId, vp.ObjectId, StringComparison.OrdinalIgnoreCase))
        {
            Reply(context, l.Pick("Deze afspraak hoort niet bij jou, dus je kunt er niets aan veranderen.", "This appointment is not yours, so you can't change it."));
            return;
        }

        await action(context, record, vp).ConfigureAwait(false);
    }

    private Task RefreshAsync(TurnContext context, BookingRecord record, VpProfile vp)
    {
        ReplyCard(context, HandoffCard.Create(ViewFor(record, vp, null)));
        return Task.CompletedTask;
    }

    private async Task ConfirmAsync(TurnContext context, BookingRecord record, VpProfile vp)
    {
        if (record.Status == "booked")
        {
            record.Status = "confirmed";
            record.MovedFromStart = null;
            record.MovedFromEnd = null;
            figures?.VpAction(record.VpId, VpActions.Confirmed);
            await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
            await UpdateEmployeeCardAsync(record, vp, context.CancellationToken).ConfigureAwait(false);
            await TellEmployeeAsync(record, record.Language.Pick("Goed nieuws: de vertrouwenspersoon heeft je afspraak bevestigd.", "Good news: the confidential adviser has confirmed your appointment."), null, context.CancellationToken).ConfigureAwait(false);
        }

        await RespondWithVpCardAsync(context, record, vp).ConfigureAwait(false);
    }

    private async Task ShowProposalSlotsAsync(TurnContext context, BookingRecord record, VpProfile vp)
    {
        if (record.Status is "cancelled" or "referred")
        {
            await RespondWithVpCardAsync(context, record, vp).ConfigureAwait(false);
            return;
        }

        var l = VpLanguage(vp);
        var slots = await calendar.FindSlotsAsync(vp, Enum.Parse<MeetingMode>(record.Mode), 4, context.CancellationToken).ConfigureAwait(false);
        ReplyCard(context, ProposeSlotsCard.Create(new ProposeSlotsView(l, record.BookingId, slots.Select(s => (s.Id, BookingText.When(s.Start, s.End, s.TimeZone, l), BookingText.Where(s.Room, l))).ToList())));
    }

    private async Task ProposeAsync(TurnContext context, BookingRecord record, VpProfile vp, string slotId)
    {
        var mode = Enum.Parse<MeetingMode>(record.Mode);
        var slot = (await calendar.FindSlotsAsync(vp, mode, 4, context.CancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == slotId);
        if (slot is null || record.Status is "cancelled" or "referred")
        {
            Reply(context, VpLanguage(vp).Pick("Dat tijdstip is niet (meer) vrij. Kies opnieuw.", "That time is no longer free. Please choose again."));
            return;
        }

        record.Status = "proposed";
        figures?.VpAction(record.VpId, VpActions.Rescheduled);
        record.Proposed = new OfferedSlot { Id = slot.Id, Start = slot.Start, End = slot.End, RoomId = slot.Room?.Id };
        await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
        var l = record.Language;
        await UpdateEmployeeCardAsync(record, vp, context.CancellationToken).ConfigureAwait(false);
        await TellEmployeeAsync(record, null, ProposalCard.Create(new ProposalView(l, record.BookingId, vp.DisplayName, BookingText.When(slot.Start, slot.End, slot.TimeZone, l), BookingText.How(mode, slot.Room, l, vp, record.JoinUrl is not null))), context.CancellationToken).ConfigureAwait(false);
        await RespondWithVpCardAsync(context, record, vp).ConfigureAwait(false);
    }

    private async Task ReferAsync(TurnContext context, BookingRecord record, VpProfile vp)
    {
        if (record.Status is not ("cancelled" or "referred"))
        {
            await calendar.CancelAsync(vp, record.EventId, context.CancellationToken).ConfigureAwait(false);
            record.Status = "referred";
            figures?.VpAction(record.VpId, VpActions.Referred);
            await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
            await UpdateEmployeeCardAsync(record, vp, context.CancellationToken).ConfigureAwait(false);
            var l = record.Language;
            await TellEmployeeAsync(record, l.Pick(
                "De vertrouwenspersoon vindt dat een collega-VP beter bij je past. Dat zegt niets over jou. Deze afspraak gaat daarom niet door. Kies hieronder een andere vertrouwenspersoon; wat je had aangevinkt, blijft staan.",
                "The confidential adviser thinks a colleague VP is a better fit for you. That says nothing about you. So this appointment won't go ahead. Choose another confidential adviser below; what you ticked stays as it was."),
                OtherVpCard(l, record.BookingId), context.CancellationToken).ConfigureAwait(false);
        }

        await RespondWithVpCardAsync(context, record, vp).ConfigureAwait(false);
    }

    private async Task CancelAsync(TurnContext context, BookingRecord record, VpProfile vp)
    {
        if (record.Status is not ("cancelled" or "referred"))
        {
            await calendar.CancelAsync(vp, record.EventId, context.CancellationToken).ConfigureAwait(false);
            record.Status = "cancelled";
            figures?.VpAction(record.VpId, VpActions.Cancelled);
            await UpdateEmployeeCardAsync(record, vp, context.CancellationToken).ConfigureAwait(false);
            var l = record.Language;
            await TellEmployeeAsync(record, l.Pick(
                "De vertrouwenspersoon kan helaas niet op dit tijdstip en heeft de afspraak geannuleerd. Wat wil je doen?",
                "Unfortunately the confidential adviser can't make this time and has cancelled the appointment. What would you like to do?"),
                OtherVpCard(l, record.BookingId), context.CancellationToken).ConfigureAwait(false);
            record.Employee = null;
            await bookings.SaveAsync(record, context.CancellationToken).ConfigureAwait(false);
        }

        await RespondWithVpCardAsync(context, record, vp).ConfigureAwait(false);
    }

    /// <summary>The invoke response replaces the clicked card; update-activity keeps the VP's other clients in step.</summary>
    private async Task RespondWithVpCardAsync(TurnContext context, BookingRecord record, VpProfile vp)
    {
        ReplyCard(context, HandoffCard.Create(ViewFor(record, vp, null)));
        await UpdateVpCardAsync(record, context.CancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateVpCardAsync(BookingRecord record, CancellationToken ct)
    {
        var vp = directory.Find(record.VpId);
        if (vp is null || record.Vp is null || record.VpCardActivityId is null)
        {
            return;
        }

        var update = Message(record.Vp, HandoffCard.Create(ViewFor(record, vp, null)), null);
        update.Id = record.VpCardActivityId;
        try
        {
            await connector.UpdateActivityAsync(update, ct).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            LogHandoffFailed(logger, (int)(ex.StatusCode ?? 0));
        }
    }

    private async Task UpdateEmployeeCardAsync(BookingRecord record, VpProfile vp, CancellationToken ct)
    {
        if (record.Employee is null || record.EmployeeCardActivityId is null)
        {
            return;
        }

        // The same builder as the booking dialog: room, join link or number and .ics stay on the card.
        var card = BookedCard.Create(BookingText.Employee(record, vp, record.Anonymous ? calendarLinks?.UrlFor(record.BookingId) : null));
        await UpdateCardAsync(record.Employee, record.EmployeeCardActivityId, card, ct).ConfigureAwait(false);
    }

    private async Task UpdateCardAsync(ConversationPointer to, string activityId, AdaptiveCard card, CancellationToken ct)
    {
        var update = Message(to, card, null);
        update.Id = activityId;
        try
        {
            await connector.UpdateActivityAsync(update, ct).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            LogHandoffFailed(logger, (int)(ex.StatusCode ?? 0));
        }
    }

    private async Task TellVpAsync(BookingRecord record, string text, CancellationToken ct)
    {
        if (record.Vp is null)
        {
            return;
        }

        var message = Message(record.Vp, null, null);
        message.Text = text;
        try
        {
            await connector.SendToConversationAsync(message, ct).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            LogHandoffFailed(logger, (int)(ex.StatusCode ?? 0));
        }
    }

    private async Task TellEmployeeAsync(BookingRecord record, string? text, AdaptiveCard? card, CancellationToken ct)
    {
        if (record.Employee is null)
        {
            return;
        }

        try
        {
            if (text is not null)
            {
                var message = Message(record.Employee, null, null);
                message.Text = text;
                await connector.SendToConversationAsync(message, ct).ConfigureAwait(false);
            }

            if (card is not null)
            {
                await connector.SendToConversationAsync(Message(record.Employee, card, card.FallbackText), ct).ConfigureAwait(false);
            }
        }
        catch (ConnectorException ex)
        {
            LogHandoffFailed(logger, (int)(ex.StatusCode ?? 0));
        }
    }

    private async Task<ConversationPointer> VpConversationAsync(VpProfile vp, Activity employeeActivity, CancellationToken ct)
    {
        if (await vpConversations.GetAsync(vp.Id, ct).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        // No conversation yet: create the 1:1 proactively (works when the app is installed for the VP, e.g. pre-installed by an admin).
        var serviceUrl = options.Value.ServiceUrl ?? employeeActivity.ServiceUrl!;
        var tenant = employeeActivity.TenantId;
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = employeeActivity.Recipient?.Id },
            Members = [new ChannelAccount { Id = vp.ObjectId }],
            TenantId = tenant,
        }, ct).ConfigureAwait(false);
        var pointer = new ConversationPointer
        {
            ConversationId = created.Id ?? throw new ConnectorException("the connector returned no conversation id"),
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            ChannelId = employeeActivity.ChannelId ?? Channels.MsTeams,
            BotId = employeeActivity.Recipient?.Id,
            TenantId = tenant,
        };
        await vpConversations.SaveAsync(vp.Id, pointer, ct).ConfigureAwait(false);
        return pointer;
    }

    private HandoffView ViewFor(BookingRecord record, VpProfile vp, string? employeeName)
    {
        var l = VpLanguage(vp);
        var mode = Enum.Parse<MeetingMode>(record.Mode);
        var who = record.Anonymous
            ? l.Pick("een collega (reservering zonder naam)", "a colleague (booked without a name)")
            : string.IsNullOrEmpty(employeeName) ? l.Pick("zie de uitnodiging in je agenda", "see the invitation in your calendar") : employeeName;
        var proposed = record.Proposed is { } p ? BookingText.When(p.Start, p.End, BookingDialogs.TimeZone, l) : null;
        return new HandoffView(
            l,
            record.BookingId,
            BookingText.When(record.Start, record.End, BookingDialogs.TimeZone, l),
            BookingText.HowForVp(mode, BookingText.Where(BookingText.RoomOf(record), l), l),
            who,
            record.SharedTopic is null ? null : knowledge[record.SharedTopic].Text(l).Title,
            BookingText.LanguageName(record.PreferredLanguage ?? record.Language.Tag(), l),
            record.Status,
            proposed,
            record.Vp?.UserId,
            record.MovedFromStart is { } fromStart && record.MovedFromEnd is { } fromEnd ? BookingText.When(fromStart, fromEnd, BookingDialogs.TimeZone, l) : null,
            mode == MeetingMode.TeamsCall ? record.JoinUrl : null);
    }

    private static AdaptiveCard OtherVpCard(Language l, string bookingId) => new()
    {
        FallbackText = l.Pick("Een andere vertrouwenspersoon kiezen", "Choose another confidential adviser"),
        Body = [new TextBlock(l.Pick("Wat wil je doen?", "What would you like to do?")) { Weight = "Bolder" }],
        Actions =
        [
            CardActions.Submit(l.Pick("Andere VP kiezen", "Choose another VP"), CardVerbs.BookingChooseOtherVp, new BookingRefPayload(bookingId), style: "positive"),
            CardActions.Submit(CommonText.Menu.For(l), CardVerbs.Menu, NoPayload.Instance),
        ],
    };

    // Handoff cards (names, topics) go wherever a VP's pointer says: only Teams itself vouches for from.aadObjectId, and
    // only a VP's own 1:1 chat in our tenant is where to reach them (not a group chat, not another channel or tenant).
    private bool CanRegisterVp(Activity activity) =>
        string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.Ordinal)
        && string.Equals(activity.Conversation?.ConversationType, ConversationTypes.Personal, StringComparison.Ordinal)
        && (string.IsNullOrWhiteSpace(botIdentity.Value.MicrosoftAppTenantId)
            || string.Equals(activity.TenantId, botIdentity.Value.MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase));

    private static Language VpLanguage(VpProfile vp) => vp.Languages.Contains("nl") ? Language.Nl : Language.En;

    private static ConversationPointer? Pointer(Activity activity) =>
        activity.Conversation?.Id is null || activity.ServiceUrl is null
            ? null
            : new ConversationPointer
            {
                ConversationId = activity.Conversation.Id,
                ServiceUrl = activity.ServiceUrl,
                ChannelId = activity.ChannelId ?? Channels.MsTeams,
                BotId = activity.Recipient?.Id,
                UserId = activity.From?.Id,
                TenantId = activity.TenantId,
            };

    private static Activity Message(ConversationPointer to, AdaptiveCard? card, string? summary) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = to.ChannelId,
        ServiceUrl = to.ServiceUrl,
        Conversation = new ConversationAccount { Id = to.ConversationId, TenantId = to.TenantId },
        From = to.BotId is null ? null : new ChannelAccount { Id = to.BotId },
        Recipient = to.UserId is null ? null : new ChannelAccount { Id = to.UserId },
        Summary = summary,
        Attachments = card is null ? null : [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = CardSerializer.ToJsonElement(card) }],
    };

    private static void ReplyCard(TurnContext context, AdaptiveCard card)
    {
        if (context.Activity.Type == ActivityTypes.Invoke)
        {
            context.InvokeResponse = InvokeResponses.Card(card);
        }
        else
        {
            context.SendCard(card, card.FallbackText ?? string.Empty);
        }
    }

    private static void Reply(TurnContext context, string text)
    {
        if (context.Activity.Type == ActivityTypes.Invoke)
        {
            context.InvokeResponse = InvokeResponses.Message(text);
        }
        else
        {
            context.SendText(text);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Handoff card sent to a VP")]
    private static partial void LogHandoffSent(ILogger logger);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "A handoff message could not be delivered (status {StatusCode})")]
    private static partial void LogHandoffFailed(ILogger logger, int statusCode);
}

/// <summary>Runs the no-response check every minute.</summary>
public sealed class NoResponseWatcher(HandoffService handoff, TimeProvider time) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await handoff.CheckNoResponseAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing check (store briefly down) must not stop the host; the next tick tries again.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
            }
        }
    }
}
