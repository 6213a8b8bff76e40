using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Kiota.Abstractions;
using Polly.CircuitBreaker;
using GraphAttendee = Microsoft.Graph.Models.Attendee;
using GraphRoom = Microsoft.Graph.Models.Room;

namespace VpWijzer.Scheduling.Graph;

/// <summary>
/// Availability and booking with Microsoft Graph, app-only. findMeetingTimes is delegated-only, so
/// availability is one getSchedule call for the VP and the candidate rooms, then our own slot
/// logic. Events are private, neutrally titled, without content, marked with a single-value
/// extended property and created with a transactionId derived from our booking id, so a retry
/// can never book twice. Only this folder touches <see cref="GraphServiceClient"/>.
/// </summary>
public sealed partial class GraphCalendarService(
    GraphServiceClient graph,
    DirectoryService directory,
    TimeProvider time,
    ILogger<GraphCalendarService> logger,
    bool readOrgChart) : ICalendarService, IRoomDirectory, IOrgChartReader, IDisposable
{
    /// <summary>Our marker on every event the bot creates; the value is a hash of the booking id, nothing personal.</summary>
    public const string MarkerPropertyId = "String {6c1c9f62-2b3f-4c8e-9d7e-5a1f0b3e8c41} Name VpWijzerBooking";

    private static readonly TimeSpan RoomCacheTime = TimeSpan.FromHours(1);
    private static readonly TimeSpan BudgetCacheTime = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _roomGate = new(1, 1);
    private readonly Dictionary<string, (DateTimeOffset Until, IReadOnlyList<Interval> Events)> _budgetCache = new(StringComparer.Ordinal);
    private readonly Lock _budgetGate = new();
    private (DateTimeOffset Until, IReadOnlyList<Room> Rooms)? _rooms;

    public bool IsEnabled => readOrgChart;

    public void Dispose() => _roomGate.Dispose();

    public async Task<IReadOnlyList<Room>> GetEligibleRoomsAsync(CancellationToken ct)
    {
        if (_rooms is { } cached && cached.Until > time.GetUtcNow())
        {
            return cached.Rooms;
        }

        await _roomGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_rooms is { } again && again.Until > time.GetUtcNow())
            {
                return again.Rooms;
            }

            var response = await graph.Places.GraphRoom.GetAsync(
                r => r.QueryParameters.Select = ["emailAddress", "displayName", "building", "floorLabel", "capacity", "isWheelChairAccessible", "tags"],
                ct).ConfigureAwait(false);
            var policy = directory.Current.Policy;
            var rooms = (response?.Value ?? [])
                .Where(r => !string.IsNullOrEmpty(r.EmailAddress))
                .Select(r => new Room(r.EmailAddress!, r.DisplayName ?? r.EmailAddress!, r.Building, r.FloorLabel, r.Capacity ?? 0, r.IsWheelChairAccessible ?? false, r.Tags ?? []))
                .Where(policy.IsEligible)
                .ToList();
            _rooms = (time.GetUtcNow() + RoomCacheTime, rooms);
            return rooms;
        }
        finally
        {
            _roomGate.Release();
        }
    }

    /// <summary>Throws <see cref="HttpRequestException"/> when Graph cannot be reached after retries, so the dialog can say so kindly.</summary>
    public async Task<IReadOnlyList<Slot>> FindSlotsAsync(VpProfile vp, MeetingMode mode, int maxSlots, CancellationToken ct)
    {
        var d = directory.Current;
        var now = time.GetUtcNow();
        try
        {
            var rooms = mode == MeetingMode.InPerson ? (await GetEligibleRoomsAsync(ct).ConfigureAwait(false)).Take(19).ToList() : [];
            var schedule = await GetScheduleAsync(vp, rooms, now, now + d.Horizon, ct).ConfigureAwait(false);
            var booked = await BotEventsAsync(vp, now, ct).ConfigureAwait(false);
            return SlotFinder.Find(vp, mode, d, now, schedule.VpBusy, rooms, schedule.RoomBusy, at => HoursInMonth(booked, at, d.TimeZone), maxSlots);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            LogTransient(logger, ex.GetType().Name);
            throw new HttpRequestException("Microsoft Graph could not be reached.", ex);
        }
    }

    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct)
    {
        var d = directory.Current;
        try
        {
            // Re-check just this slot (VP and room) before booking.
            var rooms = request.Slot.Room is null ? [] : new List<Room> { request.Slot.Room };
            var check = await GetScheduleAsync(request.Vp, rooms, request.Slot.Start, request.Slot.End, ct).ConfigureAwait(false);
            if (check.VpBusy.Any(b => b.Overlaps(request.Slot.Start, request.Slot.End))
                || (request.Slot.Room is { } room && check.RoomBusy.TryGetValue(room.Id, out var busy) && busy.Any(b => b.Overlaps(request.Slot.Start, request.Slot.End))))
            {
                return await ExistingOrConflictAsync(request, ct).ConfigureAwait(false);
            }

            var created = await graph.Users[request.Vp.UserPrincipalName].Events.PostAsync(NewEvent(request, d), cancellationToken: ct).ConfigureAwait(false);
            ForgetBudget(request.Vp);
            LogBooked(logger);
            return new BookingOutcome.Booked(created!.Id!, created.OnlineMeeting?.JoinUrl);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // The create may have reached Exchange even though we saw a failure: look before saying no.
            LogTransient(logger, ex.GetType().Name);

            // A few looks (each with the SDK's own retries): an event we created must never be left behind unreported.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    var existing = await FindByMarkerAsync(request.Vp, request.BookingId, ct).ConfigureAwait(false);
                    return existing is null
                        ? new BookingOutcome.Failed(BookingFailure.Unavailable)
                        : new BookingOutcome.Booked(existing.Id!, existing.OnlineMeeting?.JoinUrl);
                }
                catch (Exception inner) when (IsTransient(inner))
                {
                    LogTransient(logger, inner.GetType().Name);
                }
            }

            return new BookingOutcome.Failed(BookingFailure.Unavailable);
        }
        catch (ODataError ex) when (ex.ResponseStatusCode is 401 or 403)
        {
            return new BookingOutcome.Failed(BookingFailure.NotPermitted);
        }
    }

    public async Task<BookingOutcome> RescheduleAsync(string bookingId, VpProfile vp, string eventId, Slot newSlot, MeetingMode mode, CancellationToken ct)
    {
        try
        {
            var rooms = newSlot.Room is null ? [] : new List<Room> { newSlot.Room };
            var check = await GetScheduleAsync(vp, rooms, newSlot.Start, newSlot.End, ct).ConfigureAwait(false);
            if (check.VpBusy.Any(b => b.Overlaps(newSlot.Start, newSlot.End)) || check.RoomBusy.Values.Any(list => list.Any(b => b.Overlaps(newSlot.Start, newSlot.End))))
            {
                return new BookingOutcome.SlotNoLongerFree(await FindSlotsAsync(vp, mode, 4, ct).ConfigureAwait(false));
            }

            var patch = new Event
            {
                Start = Utc(newSlot.Start),
                End = Utc(newSlot.End),
            };
            if (mode == MeetingMode.InPerson && newSlot.Room is { } room)
            {
                patch.Location = RoomLocation(room);
            }

            var updated = await graph.Users[vp.UserPrincipalName].Events[eventId].PatchAsync(patch, cancellationToken: ct).ConfigureAwait(false);
            ForgetBudget(vp);
            return new BookingOutcome.Booked(updated?.Id ?? eventId, updated?.OnlineMeeting?.JoinUrl);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            LogTransient(logger, ex.GetType().Name);
            return new BookingOutcome.Failed(BookingFailure.Unavailable);
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return new BookingOutcome.Failed(BookingFailure.Invalid);
        }
    }

    public async Task<bool> CancelAsync(VpProfile vp, string eventId, CancellationToken ct)
    {
        try
        {
            await graph.Users[vp.UserPrincipalName].Events[eventId].DeleteAsync(cancellationToken: ct).ConfigureAwait(false);
            ForgetBudget(vp);
            return true;
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == 404)
        {
            return true;
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            LogTransient(logger, ex.GetType().Name);
            return false;
        }
    }

    public async Task<OrgPosition?> GetAsync(string employeeObjectId, CancellationToken ct)
    {
        if (!readOrgChart)
        {
            return null;
        }

        try
        {
            // Read once after consent, with only what is needed; nothing here is stored.
            var user = await graph.Users[employeeObjectId].GetAsync(r => r.QueryParameters.Select = ["id", "department"], ct).ConfigureAwait(false);
            var chain = new List<string>();
            var current = employeeObjectId;
            for (var depth = 0; depth < 5; depth++)
            {
                DirectoryObject? manager;
                try
                {
                    manager = await graph.Users[current].Manager.GetAsync(r => r.QueryParameters.Select = ["id"], ct).ConfigureAwait(false);
                }
                catch (ODataError ex) when (ex.ResponseStatusCode == 404)
                {
                    break;
                }

                if (manager?.Id is not { } id || chain.Contains(id))
                {
                    break;
                }

                chain.Add(id);
                current = id;
            }

            return new OrgPosition(user?.Department, chain);
        }
        catch (Exception ex) when (IsTransient(ex) || ex is ODataError)
        {
            LogTransient(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>A GUID from the booking id: the same booking always sends the same transactionId.</summary>
    public static string TransactionId(string bookingId) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("tx|" + bookingId)).AsSpan(0, 16)).ToString();

    /// <summary>The marker value: a hash, so the event says nothing about the booking or the person.</summary>
    public static string MarkerValue(string bookingId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mark|" + bookingId)).AsSpan(0, 16));

    private static Event NewEvent(BookingRequest request, LoadedDirectory d)
    {
        var attendees = new List<GraphAttendee>();
        if (request.Mode == MeetingMode.InPerson && request.Slot.Room is { } room)
        {
            attendees.Add(new GraphAttendee { Type = AttendeeType.Resource, EmailAddress = new EmailAddress { Address = room.Id, Name = room.DisplayName } });
        }

        if (request.Employee is { } employee)
        {
            attendees.Add(new GraphAttendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = employee.Email, Name = employee.DisplayName } });
        }

        var practical = request.Mode switch
        {
            MeetingMode.Phone => request.SubjectLanguage == "en" ? "By phone." : "Telefonisch.",
            MeetingMode.TeamsCall => string.Empty,
            _ => string.Empty,
        };
        return new Event
        {
            Subject = d.Subjects.TryGetValue(request.SubjectLanguage, out var subject) ? subject : d.Subjects["nl"],
            Body = new ItemBody { ContentType = BodyType.Text, Content = practical },
            Start = Utc(request.Slot.Start),
            End = Utc(request.Slot.End),
            Sensitivity = Sensitivity.Private,
            ShowAs = FreeBusyStatus.Busy,
            IsReminderOn = true,
            AllowNewTimeProposals = false,
            ResponseRequested = request.Employee is not null,
            Location = request.Mode == MeetingMode.InPerson && request.Slot.Room is { } r ? RoomLocation(r) : null,
            Attendees = attendees,
            IsOnlineMeeting = request.Mode == MeetingMode.TeamsCall,
            OnlineMeetingProvider = request.Mode == MeetingMode.TeamsCall ? OnlineMeetingProviderType.TeamsForBusiness : null,
            TransactionId = TransactionId(request.BookingId),
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkerPropertyId, Value = MarkerValue(request.BookingId) }],
        };
    }

    private static Location RoomLocation(Room room) => new()
    {
        DisplayName = room.DisplayName,
        LocationEmailAddress = room.Id,
        LocationType = LocationType.ConferenceRoom,
    };

    private async Task<BookingOutcome> ExistingOrConflictAsync(BookingRequest request, CancellationToken ct)
    {
        // Busy may be our own earlier attempt that did get through: then it is booked, not a conflict.
        if (await FindByMarkerAsync(request.Vp, request.BookingId, ct).ConfigureAwait(false) is { } existing)
        {
            return new BookingOutcome.Booked(existing.Id!, existing.OnlineMeeting?.JoinUrl);
        }

        return new BookingOutcome.SlotNoLongerFree(await FindSlotsAsync(request.Vp, request.Mode, 4, ct).ConfigureAwait(false));
    }

    private async Task<Event?> FindByMarkerAsync(VpProfile vp, string bookingId, CancellationToken ct)
    {
        var response = await graph.Users[vp.UserPrincipalName].Events.GetAsync(
            r =>
            {
                r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerPropertyId}' and ep/value eq '{MarkerValue(bookingId)}')";
                r.QueryParameters.Select = ["id", "onlineMeeting"];
                r.QueryParameters.Top = 1;
            },
            ct).ConfigureAwait(false);
        return response?.Value?.FirstOrDefault();
    }

    /// <summary>The bot's own events for the VP from the start of this month to the horizon (for the monthly budget).</summary>
    private async Task<IReadOnlyList<Interval>> BotEventsAsync(VpProfile vp, DateTimeOffset now, CancellationToken ct)
    {
        lock (_budgetGate)
        {
            if (_budgetCache.TryGetValue(vp.Id, out var cached) && cached.Until > now)
            {
                return cached.Events;
            }
        }

        var d = directory.Current;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(d.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, zone.GetUtcOffset(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified)));
        var from = monthStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var response = await graph.Users[vp.UserPrincipalName].Events.GetAsync(
            r =>
            {
                r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerPropertyId}' and ep/value ne null) and start/dateTime ge '{from}'";
                r.QueryParameters.Select = ["start", "end"];
                r.QueryParameters.Top = 200;
            },
            ct).ConfigureAwait(false);
        var events = (response?.Value ?? []).Where(e => e.Start is not null && e.End is not null).Select(e => new Interval(Parse(e.Start!), Parse(e.End!))).ToList();
        lock (_budgetGate)
        {
            _budgetCache[vp.Id] = (now + BudgetCacheTime, events);
        }

        return events;
    }

    private void ForgetBudget(VpProfile vp)
    {
        lock (_budgetGate)
        {
            _budgetCache.Remove(vp.Id);
        }
    }

    private static double HoursInMonth(IReadOnlyList<Interval> events, DateTimeOffset at, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var month = TimeZoneInfo.ConvertTime(at, zone);
        return events.Where(e => TimeZoneInfo.ConvertTime(e.Start, zone) is var s && s.Year == month.Year && s.Month == month.Month).Sum(e => (e.End - e.Start).TotalHours);
    }

    private async Task<(IReadOnlyList<Interval> VpBusy, IReadOnlyDictionary<string, IReadOnlyList<Interval>> RoomBusy)> GetScheduleAsync(VpProfile vp, IReadOnlyList<Room> rooms, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        // One call for the VP and up to 19 rooms (Graph allows 20 schedules, a window under 62 days).
        var body = new GetSchedulePostRequestBody
        {
            Schedules = [vp.UserPrincipalName, .. rooms.Select(r => r.Id)],
            StartTime = Utc(from),
            EndTime = Utc(to),
            AvailabilityViewInterval = 30,
        };
        var response = await graph.Users[vp.UserPrincipalName].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body, cancellationToken: ct).ConfigureAwait(false);
        var vpBusy = new List<Interval>();
        var roomBusy = new Dictionary<string, IReadOnlyList<Interval>>(StringComparer.OrdinalIgnoreCase);
        foreach (var info in response?.Value ?? [])
        {
            var busy = (info.ScheduleItems ?? [])
                .Where(i => i.Status is not FreeBusyStatus.Free && i.Start is not null && i.End is not null)
                .Select(i => new Interval(Parse(i.Start!), Parse(i.End!)))
                .ToList();
            if (info.Error is not null)
            {
                // An unreadable schedule is treated as fully busy: never offer what we cannot check.
                busy = [new Interval(from, to)];
            }

            if (string.Equals(info.ScheduleId, vp.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
            {
                vpBusy.AddRange(busy);
            }
            else if (info.ScheduleId is not null)
            {
                roomBusy[info.ScheduleId] = busy;
            }
        }

        foreach (var room in rooms.Where(r => !roomBusy.ContainsKey(r.Id)))
        {
            roomBusy[room.Id] = [new Interval(from, to)];
        }

        return (vpBusy, roomBusy);
    }

    private static DateTimeTimeZone Utc(DateTimeOffset value) => new()
    {
        DateTime = value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    private static DateTimeOffset Parse(DateTimeTimeZone value)
    {
        var local = DateTime.Parse(value.DateTime!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (string.IsNullOrEmpty(value.TimeZone) || value.TimeZone is "UTC" or "Etc/UTC")
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        var unspecified = DateTime.SpecifyKind(DateTime.Parse(value.DateTime!, CultureInfo.InvariantCulture), DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        ODataError o => o.ResponseStatusCode is 408 or 429 or >= 500,
        ApiException a => a.ResponseStatusCode is 408 or 429 or >= 500,
        HttpRequestException or TaskCanceledException or BrokenCircuitException or Polly.Timeout.TimeoutRejectedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient), // the SDK's "too many retries"
        _ => false,
    };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Graph: event created in a VP calendar")]
    private static partial void LogBooked(ILogger logger);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Graph call failed transiently ({ExceptionType})")]
    private static partial void LogTransient(ILogger logger, string exceptionType);
}
