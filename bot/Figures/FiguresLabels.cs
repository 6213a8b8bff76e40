using System.Globalization;
using System.Text;
using VpWijzer.Cards;
using VpWijzer.Knowledge;
using VpWijzer.Scheduling;
using VpWijzer.State;

namespace VpWijzer.Figures;

/// <summary>Titles for sections, breakdowns and categories, in Dutch and English; one place for the card, the chart and the CSV.</summary>
public sealed class FiguresLabels(KnowledgeBase knowledge, IVpDirectory directory)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Section(string id, Language l) => id switch
    {
        ReportIds.Questions => l.Pick("Vragen beantwoord", "Questions answered"),
        ReportIds.SelfChecks => l.Pick("Korte checks afgerond", "Quick checks completed"),
        ReportIds.Crisis => l.Pick("Noodhulp getoond", "Emergency help shown"),
        ReportIds.Bookings => l.Pick("Gesprekken geboekt", "Conversations booked"),
        ReportIds.Actions => l.Pick("Acties van vertrouwenspersonen", "Actions by confidential advisers"),
        _ => id,
    };

    public static string Line(string id, Language l) => id switch
    {
        ReportIds.ByTopic => l.Pick("per onderwerp", "by topic"),
        ReportIds.ByChannel => l.Pick("per kanaal", "by channel"),
        ReportIds.ByMonth => l.Pick("per maand", "by month"),
        ReportIds.ByMode => l.Pick("per vorm", "by type"),
        ReportIds.ByVisibility => l.Pick("met naam of anoniem", "named or anonymous"),
        ReportIds.ByVp => l.Pick("per vertrouwenspersoon", "by confidential adviser"),
        ReportIds.BySharedTopic => l.Pick("gedeeld onderwerp", "topic shared"),
        ReportIds.ByAction => l.Pick("per actie", "by action"),
        _ => id,
    };

    public string Category(string lineId, string key, Language l) => lineId switch
    {
        ReportIds.ByTopic or ReportIds.BySharedTopic => Topic(key, l),
        ReportIds.ByChannel => key == FigureChannels.Teams ? "Teams" : l.Pick("Intranet", "Intranet"),
        ReportIds.ByMonth => MonthName(key, l),
        ReportIds.ByMode => key switch { "inperson" => l.Pick("Op kantoor", "In person"), "teamscall" => l.Pick("Online (Teams)", "Online (Teams)"), _ => l.Pick("Telefonisch", "By phone") },
        ReportIds.ByVisibility => key == FigureKeys.Named ? l.Pick("Met naam", "Named") : l.Pick("Anoniem", "Anonymous"),
        ReportIds.ByVp => key == ReportIds.OtherVp ? l.Pick("Niet meer in de lijst", "No longer listed") : VpName(key),
        ReportIds.ByAction => key switch
        {
            VpActions.Confirmed => l.Pick("Bevestigd", "Confirmed"),
            VpActions.Rescheduled => l.Pick("Ander tijdstip voorgesteld", "Other time proposed"),
            VpActions.Referred => l.Pick("Doorverwezen", "Referred"),
            VpActions.Cancelled => l.Pick("Geannuleerd", "Cancelled"),
            _ => l.Pick("Geen reactie op tijd", "No response in time"),
        },
        _ => key,
    };

    /// <summary>The breakdowns worth showing: none when the total itself is below the threshold (every cell would read "&lt; N").</summary>
    public static IReadOnlyList<PublishedLine> Breakdowns(PublishedSection section) => section.Total.State == CellState.Shown ? section.Lines : [];

    public string VpName(string vpId) => directory.Find(vpId)?.DisplayName ?? vpId;

    public string Topic(string key, Language l) => key switch
    {
        ReportIds.ProcessTopics => l.Pick("Over de vertrouwenspersoon en de aanpak", "About the adviser and the process"),
        ReportIds.OtherTopics => l.Pick("Overige vragen", "Other questions"),
        FigureKeys.NoTopic => l.Pick("Niets gedeeld", "Nothing shared"),
        _ => knowledge.TryGet(key, out var topic) ? topic.Text(l).Title : key,
    };

    public static string Period(ReportKind kind, string period, Language l) => kind == ReportKind.Year
        ? period
        : MonthName(period, l) + " " + period[..4];

    public static string MonthName(string month, Language l)
    {
        var date = DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return date.ToString("MMMM", l == Language.En ? En : Nl);
    }

    /// <summary>"12", "&lt; 5", "—" (no data that month) or "*".</summary>
    public static string Value(PublishedCell cell, int threshold) => cell.State switch
    {
        CellState.Shown => cell.Value!.Value.ToString(CultureInfo.InvariantCulture),
        CellState.Small => "< " + threshold.ToString(CultureInfo.InvariantCulture),
        CellState.NoData => "—",
        _ => "*",
    };

    /// <summary>
    /// A number as the card shows it: a hidden cell is the word "verborgen", not "*", which Teams' markdown turns into a
    /// bullet or bold (issue 20). The CSV and the chart say the same.
    /// </summary>
    public static string CardValue(PublishedCell cell, int threshold, Language l) =>
        cell.State is CellState.Shown or CellState.Small or CellState.NoData ? Value(cell, threshold) : l.Pick("verborgen", "hidden");

    public static string Hours(HoursRow row, int threshold, Language l) => row.Hours is { } h
        ? string.Format(l == Language.En ? En : Nl, l.Pick("{0:0.#} van {1:0.#} uur", "{0:0.#} of {1:0.#} hours"), h, row.Budget)
        : string.Format(l == Language.En ? En : Nl, l.Pick("minder dan {0} gesprekken (budget {1:0.#} uur)", "fewer than {0} conversations (budget {1:0.#} hours)"), threshold, row.Budget);

    /// <summary>The CSV: one row per published number, exactly as on the card.</summary>
    public string Csv(FiguresReport report, Language l)
    {
        var csv = new StringBuilder();
        csv.Append(l.Pick("onderdeel;uitsplitsing;categorie;waarde", "section;breakdown;category;value")).Append("\r\n");
        foreach (var section in report.Sections)
        {
            Row(csv, Section(section.Id, l), l.Pick("totaal", "total"), string.Empty, CardValue(section.Total, report.Threshold, l));
            foreach (var line in Breakdowns(section))
            {
                if (line.Omitted)
                {
                    Row(csv, Section(section.Id, l), Line(line.Id, l), string.Empty, l.Pick("te weinig om uit te splitsen", "too few to break down"));
                    continue;
                }

                foreach (var cell in line.Cells)
                {
                    Row(csv, Section(section.Id, l), Line(line.Id, l), Category(line.Id, cell.Key, l), CardValue(cell, report.Threshold, l));
                }
            }
        }

        foreach (var row in report.Hours)
        {
            Row(csv, l.Pick("Uren geboekt", "Hours booked"), VpName(row.VpId), string.Empty, Hours(row, report.Threshold, l));
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(';', cells.Select(Escape))).Append("\r\n");

    internal static string Escape(string value)
    {
        // Quote always; neutralise spreadsheet formulas, also behind a leading tab or carriage return (OWASP CSV injection).
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
