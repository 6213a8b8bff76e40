using System.Globalization;
using System.Text.RegularExpressions;
using VpWijzer.Protocol;

namespace VpWijzer.Figures;

/// <summary>Where a counted event came from: Teams, or anything else (the intranet chat, the emulator).</summary>
public static class FigureChannels
{
    public const string Teams = "teams";
    public const string Intranet = "intranet";

    public static IReadOnlyList<string> All { get; } = [Teams, Intranet];

    /// <summary>Only "msteams" counts as Teams (the Agents Playground started with <c>-c msteams</c> too); every other channel id is the intranet.</summary>
    public static string From(string? channelId) => string.Equals(channelId, Channels.MsTeams, StringComparison.OrdinalIgnoreCase) ? Teams : Intranet;
}

/// <summary>What a VP did with a booking.</summary>
public static class VpActions
{
    public const string Confirmed = "confirmed";
    public const string Rescheduled = "rescheduled";
    public const string Referred = "referred";
    public const string Cancelled = "cancelled";
    public const string NoResponse = "no-response";

    public static IReadOnlyList<string> All { get; } = [Confirmed, Rescheduled, Referred, Cancelled, NoResponse];
}

/// <summary>
/// The names of the counters: one hash per calendar month, one field per counter. Every part of a
/// field comes from a closed list (topic ids, VP ids, modes, channels, actions); anything else is
/// refused, so no text can ever become a counter.
/// </summary>
public static partial class FigureKeys
{
    public const string Question = "question";
    public const string SelfCheck = "selfcheck";
    public const string Crisis = "crisis";
    public const string Booking = "booking";
    public const string Shared = "shared";
    public const string VpAction = "vp";
    public const string Minutes = "minutes";

    public const string Named = "named";
    public const string Anonymous = "anonymous";
    public const string NoTopic = "none";

    /// <summary>"2026-11": the only time there is.</summary>
    public static string Month(DateTimeOffset when, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(when, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool IsMonth(string month) => MonthPattern().IsMatch(month);

    /// <summary>Joins parts into a field, or null when a part is not a plain id.</summary>
    public static string? Field(params string[] parts) =>
        parts.Length > 0 && parts.All(p => PartPattern().IsMatch(p)) ? string.Join('|', parts) : null;

    public static bool IsField(string field) => field.Split('|') is { Length: > 0 } parts && parts.All(p => PartPattern().IsMatch(p));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
