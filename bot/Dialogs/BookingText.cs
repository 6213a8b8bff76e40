using System.Globalization;
using VpWijzer.Cards;
using VpWijzer.Scheduling;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>Times, places and modes in words, in the user's language and the directory's time zone.</summary>
public static class BookingText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string When(DateTimeOffset start, DateTimeOffset end, string timeZone, Language l)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var s = TimeZoneInfo.ConvertTime(start, zone);
        var e = TimeZoneInfo.ConvertTime(end, zone);
        var culture = l == Language.En ? English : Dutch;
        return $"{s.ToString("dddd d MMMM", culture)}, {s.ToString("HH:mm", culture)}–{e.ToString("HH:mm", culture)}";
    }

    /// <summary>"di 25 nov. 10:00": a slot's start for a button label.</summary>
    public static string ShortWhen(DateTimeOffset start, string timeZone, Language l)
    {
        var s = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return s.ToString("ddd d MMM HH:mm", l == Language.En ? English : Dutch);
    }

    public static string? Where(Room? room, Language l)
    {
        if (room is null)
        {
            return null;
        }

        var parts = new List<string> { room.DisplayName };
        if (!string.IsNullOrWhiteSpace(room.Building))
        {
            parts.Add(room.Building);
        }

        if (!string.IsNullOrWhiteSpace(room.Floor))
        {
            parts.Add(l.Pick($"verdieping {room.Floor}", $"floor {room.Floor}"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>How, as the employee reads it: they join the Teams link or call the VP's work number (the VP cannot know whom to call).</summary>
    public static string How(MeetingMode mode, Room? room, Language l, VpProfile? vp = null, bool hasJoinLink = false) => mode switch
    {
        MeetingMode.TeamsCall => hasJoinLink
            ? l.Pick("via Teams: op het tijdstip tik je op 'Deelnemen via Teams'", "Teams call: at the time, tap 'Join in Teams'")
            : l.Pick("via Teams (de link staat in de uitnodiging)", "Teams call (the link is in the invitation)"),
        MeetingMode.Phone => vp?.Phone is { } phone
            ? l.Pick($"telefonisch: jij belt {vp.DisplayName} op {phone}", $"by phone: you call {vp.DisplayName} on {phone}")
            : l.Pick("telefonisch", "by phone"),
        _ => l.Pick("op kantoor", "in person") + (room is null ? string.Empty : ": " + Where(room, l)),
    };

    /// <summary>How, as the VP reads it on the handoff card.</summary>
    public static string HowForVp(MeetingMode mode, string? where, Language l) => mode switch
    {
        MeetingMode.TeamsCall => l.Pick("via Teams (de link staat in je agenda)", "Teams call (the link is in your calendar)"),
        MeetingMode.Phone => l.Pick("telefonisch: de collega belt jou op je werknummer", "by phone: the colleague calls you on your work number"),
        _ => l.Pick("op kantoor", "in person") + (where is null ? string.Empty : " · " + where),
    };

    /// <summary>The room a booking record names, as text (display name, building, floor).</summary>
    public static Room? RoomOf(BookingRecord record) =>
        record.RoomName is null ? null : new Room(record.RoomId ?? string.Empty, record.RoomName, record.RoomBuilding, record.RoomFloor, 0, false, []);

    /// <summary>The employee's booking card for any state, from the record alone: one builder for booking and handoff.</summary>
    public static Cards.Booking.BookedView Employee(BookingRecord record, VpProfile vp, string? calendarUrl, string? status = null, string? note = null, string? when = null)
    {
        var l = record.Language;
        var mode = Enum.Parse<MeetingMode>(record.Mode);
        var state = status ?? record.Status;
        return new Cards.Booking.BookedView(
            l,
            record.BookingId,
            vp.DisplayName,
            when ?? When(record.Start, record.End, BookingDialogs.TimeZone, l),
            How(mode, RoomOf(record), l, vp, record.JoinUrl is not null),
            Discreetly(mode, l),
            CalendarUrl: record.Anonymous && state is "booked" or "confirmed" or "proposed" ? calendarUrl : null,
            state,
            note,
            JoinUrl: mode == MeetingMode.TeamsCall ? record.JoinUrl : null,
            PhoneLink: mode == MeetingMode.Phone ? vp.PhoneLink : null);
    }

    public static string Discreetly(MeetingMode mode, Language l) => mode switch
    {
        MeetingMode.InPerson => l.Pick(
            "Het is een gewone vergaderruimte zonder glazen wanden. In de agenda staat alleen 'Afspraak', niets over een vertrouwenspersoon.",
            "It is an ordinary meeting room without glass walls. The calendar only says 'Appointment', nothing about a confidential adviser."),
        MeetingMode.TeamsCall => l.Pick(
            "Kies een plek waar je ongestoord kunt praten. In de agenda staat alleen 'Afspraak'. Als je deelneemt met je Teams-account, ziet de VP je naam.",
            "Choose a place where you can talk undisturbed. The calendar only says 'Appointment'. If you join with your Teams account, the VP sees your name."),
        _ => l.Pick(
            "Zorg dat je op dat moment ergens rustig zit. In de agenda staat alleen 'Afspraak'. Wil je je nummer niet laten zien? Bij de meeste providers toets je dan #31# voor het nummer.",
            "Make sure you are somewhere quiet at that time. The calendar only says 'Appointment'. Don't want to show your number? With most Dutch providers you dial #31# before the number."),
    };

    public static string LanguageName(string code, Language l) => code switch
    {
        "nl" => l.Pick("Nederlands", "Dutch"),
        "en" => l.Pick("Engels", "English"),
        "tr" => l.Pick("Turks", "Turkish"),
        "ar" => l.Pick("Arabisch", "Arabic"),
        "pl" => l.Pick("Pools", "Polish"),
        "de" => l.Pick("Duits", "German"),
        "fr" => l.Pick("Frans", "French"),
        "es" => l.Pick("Spaans", "Spanish"),
        "pap" => "Papiamentu",
        "ber" => l.Pick("Berbers", "Berber"),
        _ => code,
    };
}
