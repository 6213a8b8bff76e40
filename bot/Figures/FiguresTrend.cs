using VpWijzer.State;

namespace VpWijzer.Figures;

/// <summary>
/// A short plain-language reading of the trend. It compares only numbers that are shown (not
/// "&lt; N" or hidden) in both periods, names topics and never people, and gives no numbers of its own.
/// </summary>
public static class FiguresTrend
{
    /// <param name="labels">Category key → title in the reader's language.</param>
    /// <param name="comparedWith">"vorige maand" / "last month", or "in de drie maanden daarvoor".</param>
    public static string Read(PublishedSection? nowQuestions, PublishedSection? beforeQuestions, PublishedSection? nowBookings, PublishedSection? beforeBookings, Func<string, string> labels, string comparedWith, Language l)
    {
        var parts = new List<string>();
        if (Compare(nowQuestions?.Total, beforeQuestions?.Total) is { } questions)
        {
            parts.Add(questions switch
            {
                > 0 => l == Language.En ? $"There were more questions than {comparedWith}." : $"Er waren meer vragen dan {comparedWith}.",
                < 0 => l == Language.En ? $"There were fewer questions than {comparedWith}." : $"Er waren minder vragen dan {comparedWith}.",
                _ => l == Language.En ? $"About as many questions as {comparedWith}." : $"Ongeveer evenveel vragen als {comparedWith}.",
            });
        }

        var more = new List<string>();
        var fewer = new List<string>();
        var nowTopics = nowQuestions?.Lines.FirstOrDefault(x => x.Id == ReportIds.ByTopic);
        var beforeTopics = beforeQuestions?.Lines.FirstOrDefault(x => x.Id == ReportIds.ByTopic);
        foreach (var cell in nowTopics?.Cells ?? [])
        {
            if (cell.Key == ReportIds.OtherTopics)
            {
                continue;
            }

            var before = beforeTopics?.Cells.FirstOrDefault(c => c.Key == cell.Key);
            if (Compare(cell, before) is { } change && change != 0)
            {
                (change > 0 ? more : fewer).Add(labels(cell.Key).ToLowerInvariant());
            }
        }

        if (more.Count > 0)
        {
            parts.Add(l == Language.En ? $"More questions about {Join(more, l)} than {comparedWith}." : $"Meer vragen over {Join(more, l)} dan {comparedWith}.");
        }

        if (fewer.Count > 0)
        {
            parts.Add(l == Language.En ? $"Fewer questions about {Join(fewer, l)}." : $"Minder vragen over {Join(fewer, l)}.");
        }

        if (Compare(nowBookings?.Total, beforeBookings?.Total) is { } bookings)
        {
            parts.Add(bookings switch
            {
                > 0 => l == Language.En ? "More conversations with a confidential adviser were booked." : "Er werden meer gesprekken met een vertrouwenspersoon geboekt.",
                < 0 => l == Language.En ? "Fewer conversations with a confidential adviser were booked." : "Er werden minder gesprekken met een vertrouwenspersoon geboekt.",
                _ => l == Language.En ? "About as many conversations were booked." : "Er werden ongeveer evenveel gesprekken geboekt.",
            });
        }

        return parts.Count == 0
            ? (l == Language.En ? $"There are too few figures to compare with {comparedWith}." : $"Er zijn te weinig cijfers om te vergelijken met {comparedWith}.")
            : string.Join(" ", parts);
    }

    /// <summary>+1, -1 or 0 (a change of less than a fifth); null when either number is not shown.</summary>
    internal static int? Compare(PublishedCell? now, PublishedCell? before)
    {
        if (now is not { State: CellState.Shown, Value: { } a } || before is not { State: CellState.Shown, Value: { } b })
        {
            return null;
        }

        return Math.Abs(a - b) * 5 < Math.Max(a, b) ? 0 : Math.Sign(a - b);
    }

    private static string Join(List<string> items, Language l) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + (l == Language.En ? " and " : " en ") + items[^1];
}
