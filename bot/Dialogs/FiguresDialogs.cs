using System.Globalization;
using Microsoft.Extensions.Options;
using VpWijzer.Cards;
using VpWijzer.Figures;
using VpWijzer.Routing;
using VpWijzer.Scheduling;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// "Jaaroverzicht" / "Maandoverzicht" ("annual overview" / "monthly overview"): anonymous figures
/// for the central VP, and a VP's own figures for that VP. Anyone else gets exactly what any
/// unknown text gets, so the commands reveal nothing.
/// </summary>
public sealed class FiguresDialogs(FiguresReportBuilder builder, FiguresLabels labels, FiguresLinks links, IFiguresUrls urls, IVpDirectory directory, IOptions<FiguresOptions> options, TimeProvider time) : IRouteModule
{
    public void Register(RouterBuilder routes)
    {
        routes
            .OnCommand("jaaroverzicht", ctx => CommandAsync(ctx, ReportKind.Year, Language.Nl))
            .OnCommand("maandoverzicht", ctx => CommandAsync(ctx, ReportKind.Month, Language.Nl))
            .OnCommand("annual overview", ctx => CommandAsync(ctx, ReportKind.Year, Language.En))
            .OnCommand("monthly overview", ctx => CommandAsync(ctx, ReportKind.Month, Language.En))
            .OnVerb(FiguresVerbs.Show, ShowVerbAsync);
    }

    private Task CommandAsync(TurnContext context, ReportKind kind, Language language)
    {
        var viewer = FiguresAccess.Resolve(context.Activity, directory);
        if (viewer is null)
        {
            return context.GetService<Router>().RouteAsTextAsync(context);
        }

        context.Language = language;
        return ShowAsync(context, viewer, kind, Current(kind));
    }

    private Task ShowVerbAsync(TurnContext context, FiguresPayload payload)
    {
        var viewer = FiguresAccess.Resolve(context.Activity, directory);
        ReportKind? kind = payload.Kind switch { "month" => ReportKind.Month, "year" => ReportKind.Year, _ => null };
        if (viewer is null || kind is null)
        {
            return context.GetService<Router>().RejectAsync(context, RejectedActionReason.UnknownVerb);
        }

        var period = string.IsNullOrEmpty(payload.Period) ? Current(kind.Value) : payload.Period;
        var valid = kind == ReportKind.Month
            ? FigureKeys.IsMonth(period)
            : period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
        return valid
            ? ShowAsync(context, viewer, kind.Value, period)
            : context.GetService<Router>().RejectAsync(context, RejectedActionReason.InvalidPayload);
    }

    private async Task ShowAsync(TurnContext context, FiguresViewer viewer, ReportKind kind, string period)
    {
        var l = context.Language;
        var ct = context.CancellationToken;
        var report = await builder.BuildAsync(kind, period, viewer, ct).ConfigureAwait(false);

        // The trend: this month against last month; for a year, its last three months against the three before.
        FiguresReport now, before;
        string comparedWith;
        if (kind == ReportKind.Month)
        {
            now = report;
            before = await builder.BuildAsync(ReportKind.Month, FiguresReportBuilder.PreviousPeriod(ReportKind.Month, period), viewer, ct).ConfigureAwait(false);
            comparedWith = l.Pick("vorige maand", "last month");
        }
        else
        {
            var last = string.Equals(period, Current(ReportKind.Year), StringComparison.Ordinal) ? Current(ReportKind.Month) : period + "-12";
            var end = DateTime.ParseExact(last + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            string[] Window(int skip) => Enumerable.Range(0, 3).Select(i => end.AddMonths(-skip - i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
            now = await builder.BuildWindowAsync(Window(0), viewer, ct).ConfigureAwait(false);
            before = await builder.BuildWindowAsync(Window(3), viewer, ct).ConfigureAwait(false);
            comparedWith = l.Pick("in de drie maanden daarvoor", "in the three months before");
        }

        var trend = FiguresTrend.Read(
            now.Section(ReportIds.Questions), before.Section(ReportIds.Questions), now.Section(ReportIds.Bookings), before.Section(ReportIds.Bookings),
            key => labels.Topic(key, l), comparedWith, l);
        if (kind == ReportKind.Year)
        {
            trend = l.Pick("De laatste drie maanden: ", "The last three months: ") + trend;
        }

        var token = links.Seal(report, l);
        var target = urls.Create(token);
        var card = FiguresCard.Create(new FiguresView(l, report, labels, trend, target?.Chart, target?.Csv, viewer.VpId is null ? null : labels.VpName(viewer.VpId)));
        context.SendCard(card, kind == ReportKind.Year ? l.Pick("Jaaroverzicht", "Annual overview") : l.Pick("Maandoverzicht", "Monthly overview"));
    }

    private string Current(ReportKind kind)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var month = FigureKeys.Month(time.GetUtcNow(), zone);
        return kind == ReportKind.Month ? month : month[..4];
    }
}
