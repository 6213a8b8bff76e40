using System.Security.Cryptography;
using System.Text;

namespace VpWijzer.Scheduling.Demo;

/// <summary>
/// Offline calendars for demo mode: busy blocks drawn from a seed (the same every run for the same
/// day), bookings kept in memory by id, time and room only. Behaves like the Graph version:
/// re-check on booking, idempotent per booking id, fresh slots on a conflict.
/// </summary>
public sealed class DemoCalendarService(DirectoryService directory, TimeProvider time) : ICalendarService, IRoomDirectory, IOrgChartReader
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DemoEvent> _events = new(StringComparer.Ordinal);

    public bool IsEnabled => false;

    /// <summary>How many events the demo calendar holds (for tests and the soak).</summary>
    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public Task<OrgPosition?> GetAsync(string employeeObjectId, CancellationToken ct) => Task.FromResult<OrgPosition?>(null);

    public Task<IReadOnlyList<Room>> GetEligibleRoomsAsync(CancellationToken ct)
    {
        var d = directory.Current;
        return Task.FromResult<IReadOnlyList<Room>>(d.Rooms.Where(d.Policy.IsEligible).ToList());
    }

    public async Task<IReadOnlyList<Slot>> FindSlotsAsync(VpProfile vp, MeetingMode mode, int maxSlots, CancellationToken ct)
    {
        var rooms = await GetEligibleRoomsAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            return FindLocked(vp, mode, maxSlots, rooms, exceptEventId: null);
        }
    }

    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct)
    {
        var rooms = await GetEligibleRoomsAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            if (_events.Values.FirstOrDefault(e => e.BookingId == request.BookingId) is { } existing)
            {
                return new BookingOutcome.Booked(existing.EventId, existing.OnlineUrl);
            }

            if (!IsStillFree(request.Vp, request.Slot, request.Mode, rooms, exceptEventId: null))
            {
                return new BookingOutcome.SlotNoLongerFree(FindLocked(request.Vp, request.Mode, 4, rooms, exceptEventId: null));
            }

            var id = "demo-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.BookingId)).AsSpan(0, 8));
            var url = request.Mode == MeetingMode.TeamsCall ? MeetingLinks.DemoJoinUrl(id) : null;
            _events[id] = new DemoEvent(id, request.BookingId, request.Vp.Id, request.Slot.Start, request.Slot.End, request.Mode == MeetingMode.InPerson ? request.Slot.Room?.Id : null, url);
            return new BookingOutcome.Booked(id, url);
        }
    }

    public async Task<BookingOutcome> RescheduleAsync(string bookingId, VpProfile vp, string eventId, Slot newSlot, MeetingMode mode, CancellationToken ct)
    {
        var rooms = await GetEligibleRoomsAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_events.TryGetValue(eventId, out var existing) || existing.VpId != vp.Id)
            {
                return new BookingOutcome.Failed(BookingFailure.Invalid);
            }

            if (!IsStillFree(vp, newSlot, mode, rooms, exceptEventId: eventId))
            {
                return new BookingOutcome.SlotNoLongerFree(FindLocked(vp, mode, 4, rooms, exceptEventId: eventId));
            }

            _events[eventId] = existing with { Start = newSlot.Start, End = newSlot.End, RoomId = mode == MeetingMode.InPerson ? newSlot.Room?.Id : null };
            return new BookingOutcome.Booked(eventId, existing.OnlineUrl);
        }
    }

    public Task<bool> CancelAsync(VpProfile vp, string eventId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_events.TryGetValue(eventId, out var e) && e.VpId == vp.Id)
            {
                _events.Remove(eventId);
            }

            return Task.FromResult(true);
        }
    }

    private IReadOnlyList<Slot> FindLocked(VpProfile vp, MeetingMode mode, int maxSlots, IReadOnlyList<Room> rooms, string? exceptEventId)
    {
        var d = directory.Current;
        var now = time.GetUtcNow();
        var ours = _events.Values.Where(e => e.EventId != exceptEventId).ToList();
        var vpBusy = Seeded(vp.Id, now, d).Concat(ours.Where(e => e.VpId == vp.Id).Select(e => new Interval(e.Start, e.End))).ToList();
        var roomBusy = rooms.ToDictionary(
            r => r.Id,
            r => (IReadOnlyList<Interval>)Seeded(r.Id, now, d).Concat(ours.Where(e => e.RoomId == r.Id).Select(e => new Interval(e.Start, e.End))).ToList(),
            StringComparer.Ordinal);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(d.TimeZone);
        double BookedInMonth(DateTimeOffset at)
        {
            var month = TimeZoneInfo.ConvertTime(at, zone);
            return ours.Where(e => e.VpId == vp.Id)
                .Where(e => TimeZoneInfo.ConvertTime(e.Start, zone) is var s && s.Year == month.Year && s.Month == month.Month)
                .Sum(e => (e.End - e.Start).TotalHours);
        }

        return SlotFinder.Find(vp, mode, d, now, vpBusy, rooms, roomBusy, BookedInMonth, maxSlots);
    }

    private bool IsStillFree(VpProfile vp, Slot slot, MeetingMode mode, IReadOnlyList<Room> rooms, string? exceptEventId)
    {
        var d = directory.Current;
        var now = time.GetUtcNow();
        var ours = _events.Values.Where(e => e.EventId != exceptEventId).ToList();
        if (slot.Start < now || Seeded(vp.Id, now, d).Any(b => b.Overlaps(slot.Start, slot.End)) || ours.Any(e => e.VpId == vp.Id && new Interval(e.Start, e.End).Overlaps(slot.Start, slot.End)))
        {
            return false;
        }

        if (mode != MeetingMode.InPerson)
        {
            return true;
        }

        var room = slot.Room;
        return room is not null
            && rooms.Any(r => r.Id == room.Id)
            && !Seeded(room.Id, now, d).Any(b => b.Overlaps(slot.Start, slot.End))
            && !ours.Any(e => e.RoomId == room.Id && new Interval(e.Start, e.End).Overlaps(slot.Start, slot.End));
    }

    /// <summary>Pseudo-random busy blocks per calendar per day, the same for the same day every run.</summary>
    private static IEnumerable<Interval> Seeded(string calendarId, DateTimeOffset now, LoadedDirectory d)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(d.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var i = 0; i <= (int)d.Horizon.TotalDays + 1; i++)
        {
            var day = today.AddDays(i);
            var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(calendarId + day.ToString("O", System.Globalization.CultureInfo.InvariantCulture))), 0);
            var random = new Random(seed);
            var blocks = random.Next(0, 3);
            for (var b = 0; b < blocks; b++)
            {
                var startMinutes = (8 * 60) + (random.Next(0, 18) * 30);
                var local = day.ToDateTime(new TimeOnly(startMinutes / 60, startMinutes % 60));
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                yield return new Interval(start, start.AddMinutes(30 * random.Next(1, 4)));
            }
        }
    }

    private sealed record DemoEvent(string EventId, string BookingId, string VpId, DateTimeOffset Start, DateTimeOffset End, string? RoomId, string? OnlineUrl);
}
