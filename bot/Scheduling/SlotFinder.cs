using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VpWijzer.Scheduling;

/// <summary>A busy period in a calendar.</summary>
public sealed record Interval(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>
/// Our own slot logic on top of free/busy data (Graph's findMeetingTimes is delegated-only):
/// VP-hours ∩ working hours, lead time, horizon, the VP's monthly hour budget, at most one slot
/// per day so the choices spread out, and for in person a free eligible room (smallest that fits).
/// Pure: everything it needs is passed in.
/// </summary>
public static class SlotFinder
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<Slot> Find(
        VpProfile vp,
        MeetingMode mode,
        LoadedDirectory directory,
        DateTimeOffset now,
        IReadOnlyList<Interval> vpBusy,
        IReadOnlyList<Room> eligibleRooms,
        IReadOnlyDictionary<string, IReadOnlyList<Interval>> roomBusy,
        Func<DateTimeOffset, double> hoursBookedInMonthOf,
        int maxSlots)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(directory.TimeZone);
        var earliest = now + directory.LeadTime;
        var latest = now + directory.Horizon;
        var length = directory.SlotLength;
        var rooms = eligibleRooms.OrderBy(r => r.Capacity).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var slots = new List<Slot>();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(earliest, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(latest, zone).DateTime);

        for (var day = firstDay; day <= lastDay && slots.Count < maxSlots; day = day.AddDays(1))
        {
            if (!vp.Hours.TryGetValue(day.DayOfWeek, out var windows))
            {
                continue;
            }

            var found = FirstOnDay(day, windows);
            if (found is not null)
            {
                slots.Add(found);
            }
        }

        return slots;

        Slot? FirstOnDay(DateOnly day, IReadOnlyList<TimeWindow> windows)
        {
            foreach (var window in windows.OrderBy(w => w.Start))
            {
                var from = window.Start > directory.WorkdayStart ? window.Start : directory.WorkdayStart;
                var to = window.End < directory.WorkdayEnd ? window.End : directory.WorkdayEnd;
                for (var time = from; time.Add(length) <= to && time >= from; time = time.Add(Step))
                {
                    var local = day.ToDateTime(time);
                    if (zone.IsInvalidTime(local))
                    {
                        continue; // the hour that does not exist when the clocks go forward
                    }

                    var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                    var end = start + length;
                    if (start < earliest || end > latest || vpBusy.Any(b => b.Overlaps(start, end)))
                    {
                        continue;
                    }

                    if (hoursBookedInMonthOf(start) + length.TotalHours > vp.MonthlyHourBudget)
                    {
                        return null; // the budget is per month; other days of the same month fare no better
                    }

                    Room? room = null;
                    if (mode == MeetingMode.InPerson)
                    {
                        room = rooms.FirstOrDefault(r => !(roomBusy.TryGetValue(r.Id, out var busy) && busy.Any(b => b.Overlaps(start, end))));
                        if (room is null)
                        {
                            continue;
                        }
                    }

                    return new Slot(SlotId(vp.Id, start, room?.Id), start, end, directory.TimeZone, room);
                }
            }

            return null;
        }
    }

    /// <summary>Deterministic and opaque: the same VP, time and room always give the same id.</summary>
    public static string SlotId(string vpId, DateTimeOffset start, string? roomId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{vpId}|{start.UtcTicks}|{roomId}")));
        return "s" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
