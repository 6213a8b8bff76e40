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
    /// <summary>
    /// About the width of a card on a phone or in the Teams side panel (issue 20): the image is shown at roughly its own
    /// size, so the 18 px labels stay at least 14 px on a 400 px wide card instead of shrinking to 6 px.
    /// </summary>
    public const int Width = 500;

    private const int LabelSize = 18;

    /// <summary>A sans-serif font that Debian and most Linux images have (fonts-dejavu-core); ScottPlot falls back when it is missing.</summary>
    private const string FontName = "DejaVu Sans";

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

    /// <summary>Horizontal bars get 34 px each, so 22 topics stay readable; months as columns fit in 360 px.</summary>
    public static int Height(int bars, bool horizontal) => horizontal ? Math.Clamp(90 + (34 * bars), 240, 900) : 360;

    public static byte[] Render(FiguresReport report, FiguresLabels labels, Language l)
    {
        var (sectionId, lineId) = ChartedLine(report);
        var line = report.Section(sectionId)?.Lines.FirstOrDefault(x => x.Id == lineId);
        var cells = line is { Omitted: false } ? line.Cells : [];

        var plot = new ScottPlot.Plot();
        try
        {
            // Months read well as columns; long topic names as horizontal bars, first one on top.
            var horizontal = lineId != ReportIds.ByMonth;
            var bars = new List<ScottPlot.Bar>();
            var ticks = new List<ScottPlot.Tick>();
            var max = Math.Max(1, cells.Where(c => c.Value is not null).Select(c => c.Value!.Value).DefaultIfEmpty(0).Max());
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var position = horizontal ? cells.Count - 1 - i : i;
                var label = lineId == ReportIds.ByMonth ? labels.Category(lineId, cell.Key, l)[..3] : labels.Category(lineId, cell.Key, l);
                ticks.Add(new ScottPlot.Tick(position, label.Length > 22 ? label[..21] + "…" : label));
                if (cell.State == CellState.Shown)
                {
                    bars.Add(new ScottPlot.Bar { Position = position, Value = cell.Value!.Value, FillColor = ScottPlot.Color.FromHex("#4F6BED"), Label = FiguresLabels.Value(cell, report.Threshold) });
                }
                else
                {
                    var text = horizontal ? plot.Add.Text(FiguresLabels.CardValue(cell, report.Threshold, l), max * 0.01, position) : plot.Add.Text(FiguresLabels.CardValue(cell, report.Threshold, l), position, max * 0.01);
                    text.LabelFontColor = ScottPlot.Color.FromHex("#605E5C");
                    text.LabelAlignment = horizontal ? ScottPlot.Alignment.MiddleLeft : ScottPlot.Alignment.LowerCenter;
                    text.LabelFontSize = LabelSize;
                    text.LabelFontName = FontName;
                }
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = horizontal;
            barPlot.ValueLabelStyle.FontSize = LabelSize;
            barPlot.ValueLabelStyle.FontName = FontName;
            var categoryAxis = horizontal ? (ScottPlot.IAxis)plot.Axes.Left : plot.Axes.Bottom;
            var valueAxis = horizontal ? (ScottPlot.IAxis)plot.Axes.Bottom : plot.Axes.Left;
            categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
            categoryAxis.TickLabelStyle.FontSize = LabelSize;
            // Counts are whole numbers: no 0.5 ticks.
            valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            valueAxis.TickLabelStyle.FontSize = LabelSize;
            valueAxis.Label.FontSize = LabelSize;
            categoryAxis.MajorTickStyle.Length = 0;
            valueAxis.Label.Text = l.Pick("Aantal", "Count");
            if (horizontal)
            {
                plot.Axes.SetLimits(0, max * 1.15, -0.6, Math.Max(cells.Count, 1) - 0.4);
                plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
            }
            else
            {
                plot.Axes.SetLimits(-0.6, Math.Max(cells.Count, 1) - 0.4, 0, max * 1.2);
                plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
            }

            plot.Font.Set(FontName);
            // The card's alt text and heading carry the title; in the picture it would be cut off at this width.
            return plot.GetImageBytes(Width, Height(cells.Count, horizontal), ScottPlot.ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
