namespace VpWijzer.Figures;

/// <summary>How a cell is published.</summary>
public enum CellState
{
    /// <summary>The exact number.</summary>
    Shown,

    /// <summary>Below the threshold: shown as "&lt; N" (primary suppression).</summary>
    Small,

    /// <summary>Hidden so that a small cell cannot be worked out from the total (complementary suppression): shown as "*".</summary>
    Hidden,

    /// <summary>
    /// A month in which nothing at all was recorded, before the first or after the last month with data (before
    /// VP-wijzer started, or still to come): shown as "—". Known to be zero, so it is left out of the suppression.
    /// </summary>
    NoData,
}

/// <summary>A published cell: <see cref="Value"/> is null unless <see cref="State"/> is Shown.</summary>
public sealed record PublishedCell(string Key, long? Value, CellState State);

/// <summary>One breakdown of a section's total (e.g. questions per topic); <see cref="Omitted"/> = too few to break down at all.</summary>
public sealed record PublishedLine(string Id, IReadOnlyList<PublishedCell> Cells, bool Omitted);

/// <summary>A total and its breakdowns, every breakdown summing to the same total.</summary>
public sealed record PublishedSection(string Id, PublishedCell Total, IReadOnlyList<PublishedLine> Lines);

/// <summary>A breakdown before protection: the true counts per category (every category, zeros too).</summary>
public sealed record RawLine(string Id, IReadOnlyList<(string Key, long Value)> Cells);

/// <summary>
/// Small-cell protection for a section (a total with one or more breakdowns of it). The rules:
/// <list type="number">
/// <item>Every cell below the threshold k (zero included) is shown as "&lt; k".</item>
/// <item>A total below k is shown as "&lt; k" too; then every cell of the section is below k and
/// nothing can be worked out (every cell could still be anything from 0 to k-1).</item>
/// <item>Otherwise the total is published. For each breakdown, the reader knows: the shown
/// cells exactly, each "&lt; k" cell is between 0 and k-1, each "*" cell is at least k, and the
/// hidden cells add up to the total minus the shown ones. If that pins any hidden cell to a single
/// value (for instance when only one cell is hidden), the smallest shown cell is hidden as well
/// ("*"), and again, until no hidden cell can be pinned to a value above zero (a zero is
/// about nobody; working it out reveals nothing about a person).</item>
/// <item>If there is no shown cell left to hide and a cell could still be pinned (only when every
/// cell is below k and they add up to exactly their maximum), the breakdown is left out altogether.</item>
/// </list>
/// Breakdowns only meet through the total, which is either public or below k for all, so each is
/// protected on its own. A section is about one period and one audience; numbers from different
/// cards (other months, the year) are protected each on their own (see docs/FIGURES.md).
/// </summary>
public static class Suppression
{
    public static PublishedSection Protect(string id, long total, IReadOnlyList<RawLine> lines, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        foreach (var line in lines)
        {
            if (line.Cells.Sum(c => c.Value) != total || line.Cells.Any(c => c.Value < 0))
            {
                throw new ArgumentException($"Breakdown '{line.Id}' of '{id}' does not add up to its total.", nameof(lines));
            }
        }

        if (total < threshold)
        {
            return new PublishedSection(id, new PublishedCell(id, null, CellState.Small), lines.Select(l => new PublishedLine(l.Id, l.Cells.Select(c => new PublishedCell(c.Key, null, CellState.Small)).ToList(), Omitted: false)).ToList());
        }

        return new PublishedSection(id, new PublishedCell(id, total, CellState.Shown), lines.Select(l => ProtectLine(l, total, threshold)).ToList());
    }

    private static PublishedLine ProtectLine(RawLine line, long total, int k)
    {
        var states = line.Cells.Select(c => c.Value < k ? CellState.Small : CellState.Shown).ToArray();
        while (AnyPinned(line.Cells.Select(c => c.Value).ToArray(), states, total, k))
        {
            // Hide the smallest shown cell (ties: the first in the list) as a complement.
            var next = Enumerable.Range(0, states.Length).Where(i => states[i] == CellState.Shown).OrderBy(i => line.Cells[i].Value).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is null)
            {
                return new PublishedLine(line.Id, [], Omitted: true);
            }

            states[next.Value] = CellState.Hidden;
        }

        return new PublishedLine(line.Id, line.Cells.Select((c, i) => new PublishedCell(c.Key, states[i] == CellState.Shown ? c.Value : null, states[i])).ToList(), Omitted: false);
    }

    /// <summary>What a reader can work out: true when some hidden cell has only one possible value, and it is not zero.</summary>
    private static bool AnyPinned(long[] values, CellState[] states, long total, int k)
    {
        var hidden = Enumerable.Range(0, values.Length).Where(i => states[i] != CellState.Shown).ToList();
        if (hidden.Count == 0)
        {
            return false;
        }

        var rest = total - Enumerable.Range(0, values.Length).Where(i => states[i] == CellState.Shown).Sum(i => values[i]);
        var (lows, highs) = (hidden.Select(i => Low(states[i], k)).ToArray(), hidden.Select(i => High(states[i], k, total)).ToArray());
        var (sumLow, sumHigh) = (lows.Sum(), highs.Sum());
        for (var j = 0; j < hidden.Count; j++)
        {
            var low = Math.Max(lows[j], rest - (sumHigh - highs[j]));
            var high = Math.Min(highs[j], rest - (sumLow - lows[j]));
            // Pinned to a single value; a zero is about nobody, so that may be worked out.
            if (low >= high && high > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static long Low(CellState state, int k) => state == CellState.Small ? 0 : k;

    private static long High(CellState state, int k, long total) => state == CellState.Small ? k - 1 : total;
}
