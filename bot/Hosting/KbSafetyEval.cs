using System.Globalization;
using System.Text;
using VpWijzer.Knowledge;

namespace VpWijzer.Hosting;

/// <summary>
/// <c>kb safety-eval FILE...</c>: the screener on labelled sets (<c>label, language, text</c>), a confusion table and
/// the rates issue 15 holds it to. <c>kb safety-cv</c>: 5-fold cross-validation on the training corpus, which is where
/// thresholds are chosen (never on an evaluation set).
/// </summary>
internal static class KbSafetyEval
{
    public static string TrainingDirectory => CrisisScreener.DefaultTrainingDirectory;

    public static async Task<int> EvaluateAsync(CrisisScreener screener, IEnumerable<string> files, TextWriter output)
    {
        foreach (var file in files)
        {
            var rows = CrisisScreener.Rows(file, 3).Select(f => (Label: f[0].Trim(), Text: f[2])).ToList();
            var results = rows.Select(r => (r.Label, r.Text, A: screener.Assess(r.Text))).ToList();
            await output.WriteLineAsync(Table(Path.GetFileName(file), results.Select(r => (r.Label, r.A)).ToList())).ConfigureAwait(false);
            foreach (var (label, text, a) in results.Where(r => r.Label != "none" && r.A.Level != SafetyLevel.Acute))
            {
                await output.WriteLineAsync($"  {label} -> {a.Wire} ({a.Score.ToString("0.00", CultureInfo.InvariantCulture)}): {text}").ConfigureAwait(false);
            }

            foreach (var (_, text, a) in results.Where(r => r.Label == "none" && r.A.Level != SafetyLevel.None))
            {
                await output.WriteLineAsync($"  none -> {a.Wire} ({a.Score.ToString("0.00", CultureInfo.InvariantCulture)}): {text}").ConfigureAwait(false);
            }
        }

        return 0;
    }

    public static string Table(string name, IReadOnlyList<(string Label, SafetyAssessment A)> results)
    {
        var sb = new StringBuilder();
        var crisis = results.Where(r => r.Label != "none").ToList();
        var none = results.Where(r => r.Label == "none").ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}: {results.Count} messages, {crisis.Count} crisis, {none.Count} not");
        sb.AppendLine();
        sb.AppendLine("| true \\ level | acute | possible | none |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var label in new[] { "self", "other", "none" })
        {
            var row = results.Where(r => r.Label == label).ToList();
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {row.Count(r => r.A.Level == SafetyLevel.Acute)} | {row.Count(r => r.A.Level == SafetyLevel.Possible)} | {row.Count(r => r.A.Level == SafetyLevel.None)} |");
        }

        sb.AppendLine();
        static string P(int n, int d) => d == 0 ? "-" : (100.0 * n / d).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        sb.AppendLine(CultureInfo.InvariantCulture, $"crisis acute or possible {P(crisis.Count(r => r.A.Level != SafetyLevel.None), crisis.Count)}, acute {P(crisis.Count(r => r.A.Level == SafetyLevel.Acute), crisis.Count)}; not-crisis acute {P(none.Count(r => r.A.Level == SafetyLevel.Acute), none.Count)}, possible {P(none.Count(r => r.A.Level == SafetyLevel.Possible), none.Count)}");
        var other = crisis.Where(r => r.Label == "other").ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"someone-else variant on 'other' rows: {P(other.Count(r => r.A.To == DangerTo.Other), other.Count)}");
        return sb.ToString();
    }

    /// <summary>The default settings with <c>--acute X</c>, <c>--possible X</c> or <c>--weight X</c> from the command line, to try others.</summary>
    public static ScreenerSettings SettingsFrom(IReadOnlyList<string> args)
    {
        var settings = new ScreenerSettings();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (!double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            settings = args[i] switch
            {
                "--acute" => settings with { AcuteAt = value },
                "--possible" => settings with { PossibleAt = value },
                "--weight" => settings with { CrisisWeight = (float)value },
                "--pattern" => settings with { PatternAcuteAt = value },
                "--strong" => settings with { StrongAcuteAt = value },
                "--no-cue" => settings with { NoCueAcuteAt = value },
                "--short-words" => settings with { ShortWords = (int)value },
                "--short-acute" => settings with { ShortAcuteAt = value },
                "--short-possible" => settings with { ShortPossibleAt = value },
                "--epochs" => settings with { Epochs = (int)value },
                "--rate" => settings with { LearningRate = (float)value },
                "--l2" => settings with { L2 = (float)value },
                "--gram" => settings with { GramWeight = (float)value },
                "--seeds" => settings with { Seeds = (int)value },
                "--weak" => settings with { WeakFloorAt = value },
                _ => settings,
            };
        }

        return args.Contains("--no-ordinary") ? settings with { OrdinaryReasonCaps = false } : settings;
    }

    /// <summary>Out-of-fold model scores for every training message, by 5-fold cross-validation with a fixed split.</summary>
    public static async Task<int> CrossValidateAsync(TextWriter output, ScreenerSettings settings, bool verbose = false)
    {
        var examples = CrisisScreener.ReadCorpus(TrainingDirectory).ToList();
        const int folds = 5;
        var scores = new double[examples.Count];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        new Random(7).Shuffle(order);
        var fold = new int[examples.Count];
        for (var i = 0; i < order.Length; i++)
        {
            fold[order[i]] = i % folds;
        }

        for (var f = 0; f < folds; f++)
        {
            var model = CrisisScreener.Train(examples.Where((_, i) => fold[i] != f), settings);
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[i] == f)
                {
                    scores[i] = model.Score(examples[i].Text);
                }
            }
        }

        var crisis = Enumerable.Range(0, examples.Count).Where(i => examples[i].Label != "none").Select(i => scores[i]).Order().ToList();
        var none = Enumerable.Range(0, examples.Count).Where(i => examples[i].Label == "none").Select(i => scores[i]).Order().ToList();
        await output.WriteLineAsync($"5-fold CV on {examples.Count} messages ({crisis.Count} crisis, {none.Count} not)").ConfigureAwait(false);
        await output.WriteLineAsync("| threshold | crisis at or above | not-crisis at or above |").ConfigureAwait(false);
        foreach (var t in new[] { 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7 })
        {
            var c = crisis.Count(s => s >= t) * 100.0 / crisis.Count;
            var n = none.Count(s => s >= t) * 100.0 / none.Count;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {t:0.00} | {c:0.0} % | {n:0.00} % |")).ConfigureAwait(false);
        }

        // The whole assessment out of fold: the pattern floor plus the model at the chosen thresholds.
        var levels = Enumerable.Range(0, examples.Count).Select(i => CrisisScreener.Level(examples[i].Text, scores[i], settings)).ToList();
        var crisisRows = Enumerable.Range(0, examples.Count).Where(i => examples[i].Label != "none").ToList();
        var noneRows = Enumerable.Range(0, examples.Count).Where(i => examples[i].Label == "none").ToList();
        double Share(IEnumerable<int> rows, Func<int, bool> test, int of) => rows.Count(test) * 100.0 / of;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"at acute {settings.AcuteAt:0.00}, possible {settings.PossibleAt:0.00}, pattern acute {settings.PatternAcuteAt:0.00} with the pattern floor: crisis routes {Share(crisisRows, i => levels[i] != SafetyLevel.None, crisisRows.Count):0.0} %, acute {Share(crisisRows, i => levels[i] == SafetyLevel.Acute, crisisRows.Count):0.0} %; not-crisis acute {Share(noneRows, i => levels[i] == SafetyLevel.Acute, noneRows.Count):0.00} %, possible {Share(noneRows, i => levels[i] == SafetyLevel.Possible, noneRows.Count):0.00} %")).ConfigureAwait(false);
        var floorFalse = noneRows.Where(i => CrisisDetector.IsCrisis(examples[i].Text)).ToList();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pattern floor on not-crisis training messages: {floorFalse.Count} ({floorFalse.Count * 100.0 / noneRows.Count:0.00} %)")).ConfigureAwait(false);
        if (verbose)
        {
            foreach (var i in floorFalse)
            {
                await output.WriteLineAsync($"  floor: {examples[i].Text}").ConfigureAwait(false);
            }

            foreach (var i in noneRows.Where(i => levels[i] == SafetyLevel.Acute && !CrisisDetector.IsCrisis(examples[i].Text)))
            {
                await output.WriteLineAsync($"  model acute ({Format(scores[i])}): {examples[i].Text}").ConfigureAwait(false);
            }

            foreach (var i in crisisRows.Where(i => levels[i] == SafetyLevel.None))
            {
                await output.WriteLineAsync($"  missed ({Format(scores[i])}): {examples[i].Text}").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static string Format(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary><c>kb topic-eval FILE...</c>: accuracy and the most common confusions on sets of <c>topic, text</c> rows.</summary>
internal static class KbTopicEval
{
    public static async Task<int> EvaluateAsync(QuestionClassifier classifier, IEnumerable<string> files, TextWriter output, bool verbose)
    {
        foreach (var file in files)
        {
            var rows = File.ReadLines(file).Where(l => !l.StartsWith('#') && l.Contains('\t', StringComparison.Ordinal))
                .Select(l => l.Split('\t')).Select(f => (Expected: f[0].Trim(), Text: f[^1])).ToList();
            var results = rows.Select(r => (r.Expected, r.Text, R: classifier.Classify(r.Text, State.Language.Nl))).ToList();
            var right = results.Count(r => r.R.Topic == r.Expected);
            var clarify = results.Count(r => r.R.Topic != r.Expected && r.R.Confidence < QuestionClassifier.ClarifyBelow && (r.R.Alternatives.Contains(r.Expected)));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {right}/{rows.Count} = {100.0 * right / rows.Count:0.0} % right topic; {clarify} more wrong but the right one offered in the clarify card")).ConfigureAwait(false);
            foreach (var g in results.Where(r => r.R.Topic != r.Expected).GroupBy(r => $"{r.Expected} -> {r.R.Topic}").OrderByDescending(g => g.Count()).Take(verbose ? 100 : 12))
            {
                await output.WriteLineAsync($"  {g.Count(),3}  {g.Key}").ConfigureAwait(false);
                if (verbose)
                {
                    foreach (var r in g)
                    {
                        await output.WriteLineAsync($"         {r.R.Confidence.ToString("0.00", CultureInfo.InvariantCulture)} {r.Text}").ConfigureAwait(false);
                    }
                }
            }
        }

        return 0;
    }
}
