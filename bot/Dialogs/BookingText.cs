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

    public static string How(MeetingMode mode, Room? room, Language l) => mode switch
    {
        MeetingMode.TeamsCall => l.Pick("via Teams", "Teams call"),
        MeetingMode.Phone => l.Pick("telefonisch (de VP belt jou)", "by phone (the VP calls you)"),
        _ => l.Pick("in het echt", "in person") + (room is null ? string.Empty : ": " + Where(room, l)),
    };

    public static string Discreetly(MeetingMode mode, Language l) => mode switch
    {
        MeetingMode.InPerson => l.Pick(
            "Het is een gewone vergaderruimte zonder glazen wanden. Op de deur en in de agenda staat niets over een vertrouwenspersoon, alleen 'Afspraak'.",
            "It is an ordinary meeting room without glass walls. Nothing on the door or in the calendar mentions a confidential adviser, only 'Appointment'."),
        MeetingMode.TeamsCall => l.Pick(
            "Kies een plek waar je ongestoord kunt praten. In de agenda staat alleen 'Afspraak'.",
            "Choose a place where you can talk undisturbed. The calendar only says 'Appointment'."),
        _ => l.Pick(
            "Zorg dat je op dat moment ergens rustig zit. In de agenda staat alleen 'Afspraak'.",
            "Make sure you are somewhere quiet at that time. The calendar only says 'Appointment'."),
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
