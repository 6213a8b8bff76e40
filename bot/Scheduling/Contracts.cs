namespace VpWijzer.Scheduling;

/// <summary>How the conversation takes place.</summary>
public enum MeetingMode
{
    InPerson,
    TeamsCall,
    Phone,
}

/// <summary>A window within a day, in the directory's time zone.</summary>
public sealed record TimeWindow(TimeOnly Start, TimeOnly End);

/// <summary>A VP as the directory describes them.</summary>
public sealed record VpProfile(
    string Id,
    string DisplayName,
    string ObjectId,
    string UserPrincipalName,
    string Department,
    string Gender,
    IReadOnlyList<string> Languages,
    bool IsExternal,
    IReadOnlyList<string> Focus,
    string IntroNl,
    string IntroEn,
    string? PhotoUrl,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>> Hours,
    double MonthlyHourBudget,
    string? Phone = null)
{
    /// <summary>The work number as a <c>tel:</c> link (digits and a leading +), or null.</summary>
    public string? PhoneLink => Phone is null ? null : "tel:" + new string(Phone.Replace("(0)", string.Empty, StringComparison.Ordinal).Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}

/// <summary>A meeting room (its id is the room mailbox address).</summary>
public sealed record Room(string Id, string DisplayName, string? Building, string? Floor, int Capacity, bool IsWheelchairAccessible, IReadOnlyList<string> Tags);

/// <summary>A concrete free time; in person it is already paired with a free eligible room.</summary>
public sealed record Slot(string Id, DateTimeOffset Start, DateTimeOffset End, string TimeZone, Room? Room);

/// <summary>The employee, only when they chose a named invite.</summary>
public sealed record Attendee(string DisplayName, string Email);

public sealed record BookingRequest(string BookingId, VpProfile Vp, Slot Slot, MeetingMode Mode, Attendee? Employee, string SubjectLanguage);

public abstract record BookingOutcome
{
    public sealed record Booked(string EventId, string? OnlineMeetingUrl) : BookingOutcome;

    public sealed record SlotNoLongerFree(IReadOnlyList<Slot> Fresh) : BookingOutcome;

    public sealed record Failed(BookingFailure Reason) : BookingOutcome;
}

public enum BookingFailure
{
    Unavailable,
    NotPermitted,
    Invalid,
}

/// <summary>Where the employee sits in the organisation; read once after consent, never stored.</summary>
public sealed record OrgPosition(string? Department, IReadOnlyList<string> ManagerChainObjectIds);

public interface IVpDirectory
{
    IReadOnlyList<VpProfile> All { get; }

    VpProfile? Find(string id);

    IReadOnlySet<string> CentralVpObjectIds { get; }
}

public interface IRoomDirectory
{
    Task<IReadOnlyList<Room>> GetEligibleRoomsAsync(CancellationToken ct);
}

public interface ICalendarService
{
    Task<IReadOnlyList<Slot>> FindSlotsAsync(VpProfile vp, MeetingMode mode, int maxSlots, CancellationToken ct);

    Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct);

    Task<BookingOutcome> RescheduleAsync(string bookingId, VpProfile vp, string eventId, Slot newSlot, MeetingMode mode, CancellationToken ct);

    Task<bool> CancelAsync(VpProfile vp, string eventId, CancellationToken ct);
}

public interface IOrgChartReader
{
    bool IsEnabled { get; }

    Task<OrgPosition?> GetAsync(string employeeObjectId, CancellationToken ct);
}
