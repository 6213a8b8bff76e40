using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VpWijzer.Figures;

namespace VpWijzer.Tests.Figures;

/// <summary>
/// Small-cell protection, checked from the reader's side: given only what is published (shown
/// numbers, "&lt; k" cells, "*" cells and the total), every hidden cell must still have at least two
/// possible values — so no small number can be worked out from the totals. (A hidden zero may be
/// worked out: it is about nobody.)
/// </summary>
public sealed class SuppressionPropertyTests
{
    [Property(MaxTest = 3000)]
    public bool OneBreakdown_NoHiddenCellCanBePinned_NoShownCellBelowThreshold(NonNegativeInt[] raw, PositiveInt kRaw)
    {
        var k = 2 + (kRaw.Get % 9);
        var cells = raw.Take(8).Select((v, i) => ($"c{i}", (long)(v.Get % (3 * k)))).ToList();
        if (cells.Count == 0)
        {
            return true;
        }

        var total = cells.Sum(c => c.Item2);
        var section = Suppression.Protect("s", total, [new RawLine("l", cells)], k);
        return Sound(section, total, k, [cells.Select(c => c.Item2).ToArray()]);
    }

    /// <summary>Several breakdowns of one population (like questions by topic and by channel): they share the total.</summary>
    [Property(MaxTest = 1500)]
    public bool SeveralBreakdowns_OfOnePopulation_StayProtected(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var k = random.Next(2, 11);
        var people = random.Next(0, 4 * k);
        var breakdowns = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, 7)).ToArray();
        var values = breakdowns.Select(n => new long[n]).ToArray();
        for (var p = 0; p < people; p++)
        {
            for (var b = 0; b < breakdowns.Length; b++)
            {
                // Skewed, so small and large cells both occur.
                var category = Math.Min(breakdowns[b] - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 2.5) * breakdowns[b]));
                values[b][category]++;
            }
        }

        var lines = values.Select((v, b) => new RawLine($"l{b}", v.Select((x, i) => ($"c{i}", x)).ToList())).ToList();
        var section = Suppression.Protect("s", people, lines, k);
        return Sound(section, people, k, values);
    }

    [Fact]
    public void OneSmallCell_IsComplementedByTheNextSmallest()
    {
        var section = Suppression.Protect("s", 3 + 8 + 20, [new RawLine("l", [("a", 3), ("b", 8), ("c", 20)])], 5);

        var cells = section.Lines[0].Cells;
        Assert.Equal(CellState.Small, cells[0].State);
        Assert.Equal(CellState.Hidden, cells[1].State);
        Assert.Equal((CellState.Shown, 20L), (cells[2].State, cells[2].Value!.Value));
        Assert.Equal(31, section.Total.Value);
    }

    [Fact]
    public void AllCellsAtTheirMaximum_BreakdownLeftOut()
    {
        // 4 + 4 = 8 with k = 5: "< 5" twice and a total of 8 would give away both 4s.
        var section = Suppression.Protect("s", 8, [new RawLine("l", [("a", 4), ("b", 4)])], 5);

        Assert.True(section.Lines[0].Omitted);
        Assert.Empty(section.Lines[0].Cells);
    }

    [Fact]
    public void TotalBelowThreshold_EverythingSmall()
    {
        var section = Suppression.Protect("s", 3, [new RawLine("l", [("a", 3), ("b", 0)])], 5);

        Assert.Equal(CellState.Small, section.Total.State);
        Assert.All(section.Lines[0].Cells, c => Assert.Equal(CellState.Small, c.State));
    }

    [Fact]
    public void BreakdownThatDoesNotAddUp_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Suppression.Protect("s", 10, [new RawLine("l", [("a", 3)])], 5));

    /// <summary>The reader's view, computed independently of the implementation.</summary>
    private static bool Sound(PublishedSection section, long total, int k, long[][] truth)
    {
        // Nothing below k is ever shown, and shown numbers are true.
        if (section.Total.State == CellState.Shown && (section.Total.Value != total || total < k))
        {
            return false;
        }

        for (var b = 0; b < section.Lines.Count; b++)
        {
            var line = section.Lines[b];
            if (line.Omitted)
            {
                continue;
            }

            for (var i = 0; i < line.Cells.Count; i++)
            {
                var cell = line.Cells[i];
                if (cell.State == CellState.Shown && (cell.Value != truth[b][i] || cell.Value < k))
                {
                    return false;
                }

                if (cell.State == CellState.Small && truth[b][i] >= k)
                {
                    return false;
                }

                if (cell.State == CellState.Hidden && truth[b][i] < k)
                {
                    return false;
                }
            }
        }

        // What the total can be: exactly it, or (shown as "< k") anything from 0 to k-1 that every breakdown allows.
        var (tLow, tHigh) = section.Total.State == CellState.Shown ? (total, total) : (0L, k - 1L);
        var published = section.Lines.Where(l => !l.Omitted).ToList();
        foreach (var line in published)
        {
            tLow = Math.Max(tLow, line.Cells.Sum(c => Low(c, k)));
            tHigh = Math.Min(tHigh, line.Cells.Sum(c => High(c, k, total)));
        }

        foreach (var line in published)
        {
            for (var j = 0; j < line.Cells.Count; j++)
            {
                var cell = line.Cells[j];
                if (cell.State == CellState.Shown)
                {
                    continue;
                }

                var othersLow = line.Cells.Where((_, i) => i != j).Sum(c => Low(c, k));
                var othersHigh = line.Cells.Where((_, i) => i != j).Sum(c => High(c, k, total));
                var low = Math.Max(Low(cell, k), tLow - othersHigh);
                var high = Math.Min(High(cell, k, total), tHigh - othersLow);
                // Pinned to one value: only allowed when that value is zero (a zero is about nobody).
                if (high - low < 1 && high != 0)
                {
                    return false;
                }

                // For small cases, count the possibilities one by one as well.
                if (line.Cells.Count(c => c.State != CellState.Shown) <= 4 && total <= 30 && section.Total.State == CellState.Shown
                    && Possible(line.Cells, j, total, k) is { Count: < 2 } values && !values.SetEquals([0L]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static HashSet<long> Possible(IReadOnlyList<PublishedCell> cells, int target, long total, int k)
    {
        var hidden = cells.Select((c, i) => (c, i)).Where(x => x.c.State != CellState.Shown).ToList();
        var rest = total - cells.Where(c => c.State == CellState.Shown).Sum(c => c.Value!.Value);
        var found = new HashSet<long>();
        void Walk(int index, long sum, long targetValue)
        {
            if (index == hidden.Count)
            {
                if (sum == rest)
                {
                    found.Add(targetValue);
                }

                return;
            }

            var (cell, i) = hidden[index];
            for (var v = Low(cell, k); v <= Math.Min(High(cell, k, total), rest - sum); v++)
            {
                Walk(index + 1, sum + v, i == target ? v : targetValue);
            }
        }

        Walk(0, 0, -1);
        return found;
    }

    private static long Low(PublishedCell cell, int k) => cell.State switch { CellState.Shown => cell.Value!.Value, CellState.Small => 0, _ => k };

    private static long High(PublishedCell cell, int k, long total) => cell.State switch { CellState.Shown => cell.Value!.Value, CellState.Small => k - 1, _ => total };
}
