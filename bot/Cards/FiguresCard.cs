using VpWijzer.Figures;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

/// <summary>The verb of the figures card's buttons (another period, the other overview).</summary>
public static class FiguresVerbs
{
    public static readonly Verb<FiguresPayload> Show = new("figures.show");
}

/// <param name="Kind">"month" or "year".</param>
/// <param name="Period">"2026-11" or "2026".</param>
public sealed record FiguresPayload(string Kind, string Period);

/// <summary>A figures card: the protected report, its labels, the trend reading and the links.</summary>
public sealed record FiguresView(
    Language Language,
    FiguresReport Report,
    FiguresLabels Labels,
    string Trend,
    string? ChartUrl,
    string? CsvUrl,
    string? VpName);

/// <summary>
/// "Maandoverzicht" / "Jaaroverzicht" for the central VP (or a VP's own figures): key numbers, a
/// chart, a plain-language trend and a CSV link. Only protected numbers reach this card.
/// </summary>
public static class FiguresCard
{
    public static AdaptiveCard Create(FiguresView view)
    {
        var l = view.Language;
        var report = view.Report;
        var title = (report.Kind == ReportKind.Year ? l.Pick("Jaaroverzicht ", "Annual overview ") : l.Pick("Maandoverzicht ", "Monthly overview "))
            + FiguresLabels.Period(report.Kind, report.Period, l);
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(view.VpName is null
                ? l.Pick("Anonieme tellingen van VP-wijzer. Niemand is hierin terug te vinden.", "Anonymous counts from VP-wijzer. Nobody can be traced in them.")
                : l.Pick($"Alleen de cijfers van {view.VpName}. Anonieme tellingen; niemand is hierin terug te vinden.", $"Only the figures of {view.VpName}. Anonymous counts; nobody can be traced in them."))
            {
                IsSubtle = true,
            },
            new TextBlock(view.Trend) { Spacing = "Medium" },
        };

        if (view.ChartUrl is not null)
        {
            body.Add(new Image { Url = view.ChartUrl, AltText = FiguresChart.Title(report, l), Size = "Stretch" });
        }

        foreach (var section in report.Sections)
        {
            body.Add(new TextBlock($"{FiguresLabels.Section(section.Id, l)}: **{FiguresLabels.Value(section.Total, report.Threshold)}**") { Weight = "Bolder", Separator = true, Spacing = "Medium" });
            foreach (var line in FiguresLabels.Breakdowns(section))
            {
                if (line.Omitted)
                {
                    body.Add(new TextBlock(FiguresLabels.Line(line.Id, l) + ": " + l.Pick("te weinig om uit te splitsen", "too few to break down")) { IsSubtle = true });
                    continue;
                }

                body.Add(new TextBlock(FiguresLabels.Line(line.Id, l)) { IsSubtle = true, Spacing = "Small" });
                body.Add(new FactSet { Facts = line.Cells.Select(c => new Fact(view.Labels.Category(line.Id, c.Key, l), FiguresLabels.Value(c, report.Threshold))).ToList() });
            }
        }

        if (report.Hours.Count > 0)
        {
            body.Add(new TextBlock(l.Pick("Uren geboekt tegenover het budget", "Hours booked against the budget")) { Weight = "Bolder", Separator = true, Spacing = "Medium" });
            body.Add(new FactSet { Facts = report.Hours.Select(h => new Fact(view.Labels.VpName(h.VpId), FiguresLabels.Hours(h, report.Threshold, l))).ToList() });
        }

        body.Add(new TextBlock(l.Pick(
            $"Getallen onder de {report.Threshold} staan als '< {report.Threshold}'. Een '*' betekent: verborgen, zodat je een klein getal niet kunt terugrekenen uit het totaal.",
            $"Numbers below {report.Threshold} show as '< {report.Threshold}'. A '*' means hidden, so that a small number cannot be worked out from the total."))
        {
            IsSubtle = true,
            Separator = true,
            Size = "Small",
        });

        var actions = new List<CardAction>();
        if (view.CsvUrl is not null)
        {
            actions.Add(new ActionOpenUrl { Title = l.Pick("Download als CSV", "Download as CSV"), Url = view.CsvUrl });
        }

        var previous = FiguresReportBuilder.PreviousPeriod(report.Kind, report.Period);
        var kind = report.Kind == ReportKind.Year ? "year" : "month";
        actions.Add(CardActions.Submit(report.Kind == ReportKind.Year ? l.Pick("Vorig jaar", "Previous year") : l.Pick("Vorige maand", "Previous month"), FiguresVerbs.Show, new FiguresPayload(kind, previous)));
        actions.Add(report.Kind == ReportKind.Year
            ? CardActions.Submit(l.Pick("Maandoverzicht", "Monthly overview"), FiguresVerbs.Show, new FiguresPayload("month", string.Empty))
            : CardActions.Submit(l.Pick("Jaaroverzicht", "Annual overview"), FiguresVerbs.Show, new FiguresPayload("year", report.Period[..4])));

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }
}
