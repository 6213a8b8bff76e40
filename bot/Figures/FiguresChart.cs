using VpWijzer.Cards;
using VpWijzer.State;

namespace VpWijzer.Figures;

/// <summary>
/// The chart of a figures card, drawn on the server with ScottPlot as a PNG. It draws only shown
/// numbers; a "&lt; N" or hidden cell gets no bar, only its label, so the picture never tells more
/// than the card.
/// </summary>
public static class FiguresChart
{
    public const int Width = 800;
    public const int Height = 420;

    /// <summary>Which breakdown the chart shows: questions by topic (month), by month (year), or a VP's bookings by type.</summary>
    public static (string Section, string Line) ChartedLine(FiguresReport report) =>
        report.VpId is not null ? (ReportIds.Bookings, ReportIds.ByMode)
        : report.Kind == ReportKind.Year ? (ReportIds.Questions, ReportIds.ByMonth)
        : (ReportIds.Questions, ReportIds.ByTopic);

    public static string Title(FiguresReport report, Language l)
    {
        var (section, line) = ChartedLine(report);
        return FiguresLabels.Section(section, l) + " " + FiguresLabels.Line(line, l) + " — " + FiguresLabels.Period(report.Kind, report.Period, l);
    }

    public static byte[] Render(FiguresReport report, FiguresLabels labels, Language l)
    {
        var (sectionId, lineId) = ChartedLine(report);
        var line = report.Section(sectionId)?.Lines.FirstOrDefault(x => x.Id == lineId);
        var cells = line is { Omitted: false } ? line.Cells : [];

        var plot = new ScottPlot.Plot();
        try
        {
            var bars = new List<ScottPlot.Bar>();
            var ticks = new List<ScottPlot.Tick>();
            var max = Math.Max(1, cells.Where(c => c.Value is not null).Select(c => c.Value!.Value).DefaultIfEmpty(0).Max());
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var label = labels.Category(lineId, cell.Key, l);
                ticks.Add(new ScottPlot.Tick(i, label.Length > 22 ? label[..21] + "…" : label));
                if (cell.State == CellState.Shown)
                {
                    bars.Add(new ScottPlot.Bar { Position = i, Value = cell.Value!.Value, FillColor = ScottPlot.Color.FromHex("#4F6BED"), Label = FiguresLabels.Value(cell, report.Threshold) });
                }
                else
                {
                    var text = plot.Add.Text(FiguresLabels.Value(cell, report.Threshold), i, max * 0.02);
                    text.LabelFontColor = ScottPlot.Color.FromHex("#605E5C");
                    text.LabelAlignment = ScottPlot.Alignment.LowerCenter;
                    text.LabelFontSize = 14;
                }
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontSize = 14;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Margins(bottom: 0, top: 0.15);
            plot.Axes.SetLimitsX(-0.6, Math.Max(cells.Count, 1) - 0.4);
            plot.Axes.SetLimitsY(0, max * 1.2);
            plot.Axes.Left.Label.Text = l.Pick("Aantal", "Count");
            plot.Title(Title(report, l), size: 16);
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
            return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
