using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.Scheduling;

/// <summary>The directory file (<c>Content/directory/directory.json</c>): VPs, rooms, room policy and booking settings.</summary>
public sealed class DirectoryDocument
{
    [JsonPropertyName("centralVps")]
    public List<string> CentralVps { get; set; } = [];

    [JsonPropertyName("vps")]
    public List<VpEntry> Vps { get; set; } = [];

    [JsonPropertyName("rooms")]
    public List<RoomEntry> Rooms { get; set; } = [];

    [JsonPropertyName("roomPolicy")]
    public RoomPolicy RoomPolicy { get; set; } = new();

    [JsonPropertyName("eventSubject")]
    public Dictionary<string, string> EventSubject { get; set; } = new() { ["nl"] = "Afspraak", ["en"] = "Appointment" };

    [JsonPropertyName("slotMinutes")]
    public int SlotMinutes { get; set; } = 60;

    [JsonPropertyName("leadTimeHours")]
    public double LeadTimeHours { get; set; } = 4;

    [JsonPropertyName("horizonDays")]
    public int HorizonDays { get; set; } = 14;

    [JsonPropertyName("workdayStart")]
    public string WorkdayStart { get; set; } = "08:30";

    [JsonPropertyName("workdayEnd")]
    public string WorkdayEnd { get; set; } = "17:30";

    [JsonPropertyName("timeZone")]
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}

public sealed class VpEntry
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;

    [JsonPropertyName("displayName")] public string DisplayName { get; set; } = string.Empty;

    [JsonPropertyName("objectId")] public string ObjectId { get; set; } = string.Empty;

    [JsonPropertyName("userPrincipalName")] public string UserPrincipalName { get; set; } = string.Empty;

    [JsonPropertyName("department")] public string Department { get; set; } = string.Empty;

    [JsonPropertyName("gender")] public string Gender { get; set; } = "x";

    [JsonPropertyName("languages")] public List<string> Languages { get; set; } = ["nl"];

    [JsonPropertyName("isExternal")] public bool IsExternal { get; set; }

    [JsonPropertyName("focus")] public List<string> Focus { get; set; } = [];

    [JsonPropertyName("introNl")] public string IntroNl { get; set; } = string.Empty;

    [JsonPropertyName("introEn")] public string IntroEn { get; set; } = string.Empty;

    [JsonPropertyName("photoUrl")] public string? PhotoUrl { get; set; }

    /// <summary>The VP's work number from the organisation's directory; employees call it for a phone conversation.</summary>
    [JsonPropertyName("phone")] public string? Phone { get; set; }

    /// <summary>VP-hours per weekday ("Monday": [{ "start": "09:00", "end": "12:00" }]).</summary>
    [JsonPropertyName("hours")] public Dictionary<string, List<WindowEntry>> Hours { get; set; } = [];

    [JsonPropertyName("monthlyHourBudget")] public double MonthlyHourBudget { get; set; } = 16;
}

public sealed class WindowEntry
{
    [JsonPropertyName("start")] public string Start { get; set; } = string.Empty;

    [JsonPropertyName("end")] public string End { get; set; } = string.Empty;
}

public sealed class RoomEntry
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;

    [JsonPropertyName("displayName")] public string DisplayName { get; set; } = string.Empty;

    [JsonPropertyName("building")] public string? Building { get; set; }

    [JsonPropertyName("floor")] public string? Floor { get; set; }

    [JsonPropertyName("capacity")] public int Capacity { get; set; }

    [JsonPropertyName("isWheelchairAccessible")] public bool IsWheelchairAccessible { get; set; }

    [JsonPropertyName("tags")] public List<string> Tags { get; set; } = [];
}

/// <summary>
/// Which rooms may host a VP conversation: out of sight, no glass walls (seeds: Nyenrode study,
/// Wegwijzer). Excluded tags always win, even over the allowlist.
/// </summary>
public sealed class RoomPolicy
{
    [JsonPropertyName("eligibleTags")] public List<string> EligibleTags { get; set; } = ["vp-geschikt"];

    [JsonPropertyName("allowlist")] public List<string> Allowlist { get; set; } = [];

    [JsonPropertyName("excludedTags")] public List<string> ExcludedTags { get; set; } = ["glass", "glazen-wand", "open-view", "zichtbaar"];

    [JsonPropertyName("minCapacity")] public int MinCapacity { get; set; } = 2;

    [JsonPropertyName("maxCapacity")] public int MaxCapacity { get; set; } = 8;

    [JsonPropertyName("requireWheelchairAccessible")] public bool RequireWheelchairAccessible { get; set; }

    public bool IsEligible(Room room)
    {
        static bool Has(IEnumerable<string> tags, string tag) => tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));
        if (ExcludedTags.Any(t => Has(room.Tags, t)))
        {
            return false;
        }

        var listed = Allowlist.Any(a => string.Equals(a, room.Id, StringComparison.OrdinalIgnoreCase)) || EligibleTags.Any(t => Has(room.Tags, t));
        return listed
            && room.Capacity >= MinCapacity
            && room.Capacity <= MaxCapacity
            && (!RequireWheelchairAccessible || room.IsWheelchairAccessible);
    }
}

/// <summary>A validated directory, ready to use.</summary>
public sealed record LoadedDirectory(
    IReadOnlyList<VpProfile> Vps,
    IReadOnlyList<Room> Rooms,
    RoomPolicy Policy,
    IReadOnlySet<string> CentralVps,
    IReadOnlyDictionary<string, string> Subjects,
    TimeSpan SlotLength,
    TimeSpan LeadTime,
    TimeSpan Horizon,
    TimeOnly WorkdayStart,
    TimeOnly WorkdayEnd,
    string TimeZone);

public static class DirectoryLoader
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Content", "directory", "directory.json");

    /// <summary>Reads and checks the file; the errors say what is wrong in words a content editor understands.</summary>
    public static (LoadedDirectory? Directory, IReadOnlyList<string> Errors) Load(string path)
    {
        var errors = new List<string>();
        DirectoryDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(File.ReadAllText(path), DirectoryJsonContext.Default.DirectoryDocument);
        }
        catch (JsonException ex)
        {
            return (null, [$"{path}:{(ex.LineNumber ?? 0) + 1}: this is not valid JSON: check commas, quotes and brackets near here."]);
        }
        catch (IOException)
        {
            return (null, [$"{path}: the directory file cannot be read."]);
        }

        if (doc is null)
        {
            return (null, [$"{path}: the directory file is empty."]);
        }

        if (doc.Vps.Count == 0)
        {
            errors.Add("vps: at least one VP is needed.");
        }

        foreach (var dup in doc.Vps.GroupBy(v => v.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"vps: the id '{dup.Key}' is used twice.");
        }

        var vps = new List<VpProfile>();
        foreach (var v in doc.Vps)
        {
            var where = $"vps[{v.Id}]";
            if (string.IsNullOrWhiteSpace(v.Id) || v.Id.Length > 40 || v.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                errors.Add($"{where}: id must be 1–40 letters, digits or '-'.");
            }

            if (string.IsNullOrWhiteSpace(v.DisplayName) || !Guid.TryParse(v.ObjectId, out _) || !v.UserPrincipalName.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"{where}: displayName, objectId (a GUID) and userPrincipalName are required.");
            }

            if (v.Gender is not ("female" or "male" or "x"))
            {
                errors.Add($"{where}: gender must be female, male or x.");
            }

            if (v.Phone is not null && !System.Text.RegularExpressions.Regex.IsMatch(v.Phone, @"^\+?[0-9][0-9 ()-]{5,22}$"))
            {
                errors.Add($"{where}: phone must be a phone number (digits, spaces, +, -, parentheses), e.g. \"+31 30 123 4567\".");
            }

            if (v.MonthlyHourBudget is <= 0 or > 200)
            {
                errors.Add($"{where}: monthlyHourBudget must be between 0 and 200 hours.");
            }

            var hours = new Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>();
            foreach (var (day, windows) in v.Hours)
            {
                if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var dow))
                {
                    errors.Add($"{where}: '{day}' is not a weekday (Monday … Sunday).");
                    continue;
                }

                var list = new List<TimeWindow>();
                foreach (var w in windows)
                {
                    if (TimeOnly.TryParseExact(w.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                        && TimeOnly.TryParseExact(w.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
                        && s < e)
                    {
                        list.Add(new TimeWindow(s, e));
                    }
                    else
                    {
                        errors.Add($"{where}: hours on {day} must be HH:mm with start before end.");
                    }
                }

                hours[dow] = list;
            }

            vps.Add(new VpProfile(v.Id, v.DisplayName, v.ObjectId, v.UserPrincipalName, v.Department, v.Gender, v.Languages, v.IsExternal, v.Focus, v.IntroNl, v.IntroEn, v.PhotoUrl, hours, v.MonthlyHourBudget, string.IsNullOrWhiteSpace(v.Phone) ? null : v.Phone.Trim()));
        }

        var rooms = doc.Rooms.Select(r => new Room(r.Id, r.DisplayName, r.Building, r.Floor, r.Capacity, r.IsWheelchairAccessible, r.Tags)).ToList();
        foreach (var r in rooms.Where(r => !r.Id.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add($"rooms[{r.DisplayName}]: id must be the room mailbox address.");
        }

        var startOk = TimeOnly.TryParseExact(doc.WorkdayStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayStart);
        var endOk = TimeOnly.TryParseExact(doc.WorkdayEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayEnd);
        if (!startOk || !endOk || dayStart >= dayEnd)
        {
            errors.Add("workdayStart and workdayEnd must be HH:mm, start before end.");
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(doc.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            errors.Add($"timeZone '{doc.TimeZone}' is unknown.");
        }

        if (doc.SlotMinutes is < 15 or > 240 || doc.HorizonDays is < 1 or > 60 || doc.LeadTimeHours is < 0 or > 168)
        {
            errors.Add("slotMinutes must be 15–240, horizonDays 1–60 (Graph allows < 62) and leadTimeHours 0–168.");
        }

        if (!doc.EventSubject.ContainsKey("nl") || !doc.EventSubject.ContainsKey("en"))
        {
            errors.Add("eventSubject needs a neutral subject for nl and en (e.g. 'Afspraak').");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new LoadedDirectory(vps, rooms, doc.RoomPolicy, doc.CentralVps.ToHashSet(StringComparer.OrdinalIgnoreCase), doc.EventSubject, TimeSpan.FromMinutes(doc.SlotMinutes), TimeSpan.FromHours(doc.LeadTimeHours), TimeSpan.FromDays(doc.HorizonDays), dayStart, dayEnd, doc.TimeZone), errors);
    }
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DirectoryDocument))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
