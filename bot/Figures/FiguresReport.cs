using System.Globalization;
using Microsoft.Extensions.Options;
using VpWijzer.Knowledge;
using VpWijzer.Scheduling;

namespace VpWijzer.Figures;

public enum ReportKind
{
    Month,
    Year,
}

/// <summary>Who asks: the central VP sees everything, a VP only their own bookings and actions.</summary>
public sealed record FiguresViewer(bool Central, string? VpId);

/// <summary>Hours booked for one VP against their budget for the period; null hours = fewer than the threshold of conversations.</summary>
public sealed record HoursRow(string VpId, double? Hours, double Budget);

/// <summary>Everything a figures card, its chart and its CSV show — already protected.</summary>
public sealed record FiguresReport(ReportKind Kind, string Period, string? VpId, int Threshold, IReadOnlyList<PublishedSection> Sections, IReadOnlyList<HoursRow> Hours)
{
    public PublishedSection? Section(string id) => Sections.FirstOrDefault(s => s.Id == id);
}

/// <summary>Section, breakdown and category ids used in reports.</summary>
public static class ReportIds
{
    public const string Questions = "questions";
    public const string SelfChecks = "selfchecks";
    public const string Crisis = "crisis";
    public const string Bookings = "bookings";
    public const string Actions = "vp-actions";

    public const string ByTopic = "topic";
    public const string ByChannel = "channel";
    public const string ByMonth = "month";
    public const string ByMode = "mode";
    public const string ByVisibility = "visibility";
    public const string ByVp = "vp";
    public const string BySharedTopic = "shared-topic";
    public const string ByAction = "action";

    public const string ProcessTopics = "vp-and-procedure";
    public const string OtherTopics = "other";
    public const string OtherVp = "other";

    /// <summary>Fixed topic groups for the report (fixed, so the categories themselves say nothing).</summary>
    public static IReadOnlyList<string> TopicGroups { get; } =
        [TopicIds.Bullying, TopicIds.SexualHarassment, TopicIds.Discrimination, TopicIds.Aggression, TopicIds.Integrity, TopicIds.UnwantedBehaviour, ProcessTopics, OtherTopics];

    public static IReadOnlyList<string> SharedTopics { get; } =
        [TopicIds.Bullying, TopicIds.SexualHarassment, TopicIds.Discrimination, TopicIds.Aggression, TopicIds.UnwantedBehaviour, FigureKeys.NoTopic];

    public static IReadOnlyList<string> Modes { get; } = ["inperson", "teamscall", "phone"];

    public static string TopicGroup(string topicId) => topicId switch
    {
        TopicIds.Bullying or TopicIds.SexualHarassment or TopicIds.Discrimination or TopicIds.Aggression or TopicIds.Integrity or TopicIds.UnwantedBehaviour => topicId,
        TopicIds.VpRole or TopicIds.VpLimits or TopicIds.Confidentiality or TopicIds.ReportComplaint or TopicIds.ChooseVp or TopicIds.MeetingPractical or TopicIds.ComplaintAboutVp or TopicIds.PrivacyBot => ProcessTopics,
        _ => OtherTopics,
    };
}

/// <summary>Reads the monthly counters for a period and turns them into a protected report.</summary>
public sealed class FiguresReportBuilder(IFiguresStore store, IVpDirectory directory, IOptions<FiguresOptions> options)
{
    public int Threshold => options.Value.Threshold;

    public static IReadOnlyList<string> MonthsOf(ReportKind kind, string period) => kind == ReportKind.Month
        ? [period]
        : Enumerable.Range(1, 12).Select(m => $"{period}-{m:00}").ToList();

    public static string PreviousPeriod(ReportKind kind, string period) => kind == ReportKind.Month
        ? DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : (int.Parse(period, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);

    public async Task<FiguresReport> BuildAsync(ReportKind kind, string period, FiguresViewer viewer, CancellationToken ct)
    {
        var months = MonthsOf(kind, period);
        var perMonth = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var month in months)
        {
            perMonth[month] = await store.ReadMonthAsync(month, ct).ConfigureAwait(false);
        }

        return Build(kind, period, viewer, perMonth);
    }

    /// <summary>Several months taken together (e.g. three months, for the trend), protected like one month.</summary>
    public async Task<FiguresReport> BuildWindowAsync(IReadOnlyList<string> months, FiguresViewer viewer, CancellationToken ct)
    {
        var merged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var month in months)
        {
            foreach (var (field, value) in await store.ReadMonthAsync(month, ct).ConfigureAwait(false))
            {
                merged[field] = merged.GetValueOrDefault(field) + value;
            }
        }

        return Build(ReportKind.Month, months[0], viewer, new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal) { [months[0]] = merged });
    }

    internal FiguresReport Build(ReportKind kind, string period, FiguresViewer viewer, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> perMonth)
    {
        var k = Threshold;
        var months = MonthsOf(kind, period);
        var all = new Counters(months.Select(m => perMonth.TryGetValue(m, out var h) ? h : new Dictionary<string, long>()).ToList());
        var vpIds = directory.All.Select(v => v.Id).ToList();
        var sections = new List<PublishedSection>();
        var vpFilter = viewer.Central ? null : viewer.VpId;

        if (viewer.Central)
        {
            sections.Add(Section(ReportIds.Questions, all, months, perMonth, kind, f => f.Kind == FigureKeys.Question,
                [(ReportIds.ByTopic, ReportIds.TopicGroups, f => ReportIds.TopicGroup(f.Part(2))), (ReportIds.ByChannel, FigureChannels.All, f => f.Part(1))], k));
            sections.Add(Section(ReportIds.SelfChecks, all, months, perMonth, kind, f => f.Kind == FigureKeys.SelfCheck,
                [(ReportIds.ByChannel, FigureChannels.All, f => f.Part(1))], k));
            sections.Add(Section(ReportIds.Crisis, all, months, perMonth, kind, f => f.Kind == FigureKeys.Crisis,
                [(ReportIds.ByChannel, FigureChannels.All, f => f.Part(1))], k));
        }

        var vpKeys = vpIds.Append(ReportIds.OtherVp).ToList();
        var bookingLines = new List<(string, IReadOnlyList<string>, Func<Field, string>)>
        {
            (ReportIds.ByMode, ReportIds.Modes, f => f.Part(3)),
            (ReportIds.ByVisibility, [FigureKeys.Named, FigureKeys.Anonymous], f => f.Part(4)),
        };
        if (viewer.Central)
        {
            bookingLines.Add((ReportIds.ByVp, vpKeys, f => vpIds.Contains(f.Part(2)) ? f.Part(2) : ReportIds.OtherVp));
        }

        bookingLines.Add((ReportIds.ByChannel, FigureChannels.All, f => f.Part(1)));
        var bookings = Section(ReportIds.Bookings, all, months, perMonth, kind, f => f.Kind == FigureKeys.Booking && (vpFilter is null || f.Part(2) == vpFilter), bookingLines, k, includeMonths: viewer.Central);

        // The shared topic is counted per booking but without the VP (fewer cross-links); so only the central VP sees it.
        if (viewer.Central)
        {
            var shared = Section(ReportIds.Bookings, all, months, perMonth, kind, f => f.Kind == FigureKeys.Shared,
                [(ReportIds.BySharedTopic, ReportIds.SharedTopics, f => ReportIds.SharedTopics.Contains(f.Part(2)) ? f.Part(2) : TopicIds.UnwantedBehaviour)], k, includeMonths: false);
            bookings = bookings with { Lines = bookings.Lines.Concat(shared.Lines).ToList() };
            if (shared.Total.Value != bookings.Total.Value && shared.Total.State == CellState.Shown)
            {
                // Every booking counts one shared topic (or "none"); if they ever differ, leave the line out rather than publish an inconsistent one.
                bookings = bookings with { Lines = bookings.Lines.Where(l => l.Id != ReportIds.BySharedTopic).ToList() };
            }
        }

        sections.Add(bookings);
        sections.Add(Section(ReportIds.Actions, all, months, perMonth, kind, f => f.Kind == FigureKeys.VpAction && (vpFilter is null || f.Part(1) == vpFilter),
            [(ReportIds.ByAction, VpActions.All, f => f.Part(2))], k, includeMonths: false));

        var monthsInBudget = kind == ReportKind.Month ? 1 : 12;
        var hours = new List<HoursRow>();
        var byVp = bookings.Lines.FirstOrDefault(l => l.Id == ReportIds.ByVp);
        foreach (var vp in directory.All.Where(v => vpFilter is null || v.Id == vpFilter))
        {
            var shown = viewer.Central
                ? byVp is { Omitted: false } && byVp.Cells.Any(c => c.Key == vp.Id && c.State == CellState.Shown)
                : bookings.Total.State == CellState.Shown;
            var minutes = all.Sum(f => f.Kind == FigureKeys.Minutes && f.Part(1) == vp.Id);
            hours.Add(new HoursRow(vp.Id, shown ? Math.Round(minutes / 60.0, 1) : null, vp.MonthlyHourBudget * monthsInBudget));
        }

        return new FiguresReport(kind, period, vpFilter, k, sections, hours);
    }

    private static PublishedSection Section(
        string id,
        Counters all,
        IReadOnlyList<string> months,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> perMonth,
        ReportKind kind,
        Func<Field, bool> filter,
        IReadOnlyList<(string Id, IReadOnlyList<string> Keys, Func<Field, string> Category)> lines,
        int k,
        bool includeMonths = true)
    {
        var total = all.Sum(filter);
        var raw = lines.Select(l => new RawLine(l.Id, l.Keys.Select(key => (key, all.Sum(f => filter(f) && l.Category(f) == key))).ToList())).ToList();
        var noData = kind == ReportKind.Year && includeMonths ? MonthsWithoutData(months, perMonth) : new HashSet<string>(StringComparer.Ordinal);
        if (kind == ReportKind.Year && includeMonths)
        {
            raw.Add(new RawLine(ReportIds.ByMonth, months.Where(m => !noData.Contains(m)).Select(m => (m, new Counters([perMonth.TryGetValue(m, out var h) ? h : new Dictionary<string, long>()]).Sum(filter))).ToList()));
        }

        var section = Suppression.Protect(id, total, raw, k);
        if (noData.Count == 0)
        {
            return section;
        }

        // The months without data go back in their place, as "—": known zeros, so they were never part of what a
        // reader could work a small cell out from.
        return section with
        {
            Lines = section.Lines.Select(line => line.Id != ReportIds.ByMonth || line.Omitted ? line : line with
            {
                Cells = months.Select(m => noData.Contains(m) ? new PublishedCell(m, null, CellState.NoData) : line.Cells.Single(c => c.Key == m)).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// Months with no counter at all before the first, or after the last, month that has one: before VP-wijzer started
    /// or still to come. A month in between stays a number or "&lt; k", even when empty: that it was quiet is a count too.
    /// </summary>
    internal static HashSet<string> MonthsWithoutData(IReadOnlyList<string> months, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> perMonth)
    {
        bool Has(string m) => perMonth.TryGetValue(m, out var h) && h.Any(e => FigureKeys.IsField(e.Key) && e.Value > 0);
        var ordered = months.ToList();
        var first = ordered.FindIndex(Has);
        var last = ordered.FindLastIndex(Has);
        return first < 0
            ? new HashSet<string>(months, StringComparer.Ordinal)
            : new HashSet<string>(months.Where((_, i) => i < first || i > last), StringComparer.Ordinal);
    }
}

/// <summary>A parsed counter field: kind|part1|part2….</summary>
public readonly record struct Field(string[] Parts)
{
    public string Kind => Parts[0];

    public string Part(int i) => i < Parts.Length ? Parts[i] : string.Empty;
}

/// <summary>Counters of one or more months.</summary>
public sealed class Counters(IReadOnlyList<IReadOnlyDictionary<string, long>> months)
{
    private readonly List<(Field Field, long Value)> _entries = months.SelectMany(m => m).Where(e => FigureKeys.IsField(e.Key)).Select(e => (new Field(e.Key.Split('|')), e.Value)).ToList();

    public long Sum(Func<Field, bool> filter) => _entries.Where(e => filter(e.Field)).Sum(e => e.Value);
}
