using System.Text.Json;
using VpWijzer.Knowledge;
using VpWijzer.State;

namespace VpWijzer.Hosting;

/// <summary>
/// <c>kb ask</c>: one question per stdin line → one JSON object per stdout line, in order, with the
/// exact classifier the bot uses. <c>kb check</c>: validates the content files.
/// </summary>
public static class KbCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var verb = args.Length > 0 ? args[0] : string.Empty;
        var directory = args.Length > 2 && args[1] == "--content" ? args[2] : ContentLoader.DefaultDirectory;
        var result = ContentLoader.Load(directory, new ContactOptions());
        switch (verb)
        {
            case "check":
                if (!result.IsValid)
                {
                    foreach (var e in result.Errors)
                    {
                        await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
                    }

                    await error.WriteLineAsync($"{result.Errors.Count} problem(s) found.").ConfigureAwait(false);
                    return 1;
                }

                return await CheckAsync(result.KnowledgeBase!, output, error).ConfigureAwait(false);

            case "ask":
                if (!result.IsValid)
                {
                    await error.WriteLineAsync("The content files have errors; run 'kb check'.").ConfigureAwait(false);
                    return 1;
                }

                using (var analysis = new TextAnalysis())
                {
                    var classifier = new QuestionClassifier(new Recogniser(result.KnowledgeBase!, analysis, corpus: TrainingCorpus.LoadDefault(result.KnowledgeBase!)), CrisisScreener.TrainDefault(result.KnowledgeBase));
                    while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
                    {
                        var r = classifier.Classify(line, Language.Nl);
                        await output.WriteLineAsync(JsonSerializer.Serialize(new KbAnswer(r.Topic, r.Confidence, r.Language == Language.En ? "en" : "nl", r.Safety?.Wire ?? "none"), KbJsonContext.Default.KbAnswer)).ConfigureAwait(false);
                    }
                }

                await output.FlushAsync().ConfigureAwait(false);
                return 0;

            case "explain":
                if (!result.IsValid)
                {
                    await error.WriteLineAsync("The content files have errors; run 'kb check'.").ConfigureAwait(false);
                    return 1;
                }

                using (var analysis = new TextAnalysis())
                {
                    var recogniser = new Recogniser(result.KnowledgeBase!, analysis, corpus: TrainingCorpus.LoadDefault(result.KnowledgeBase!));
                    var classifier = new QuestionClassifier(recogniser, CrisisScreener.TrainDefault(result.KnowledgeBase));
                    while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
                    {
                        var r = classifier.Classify(line, Language.Nl);
                        var ranked = recogniser.Rank(line).Take(4).Select(x => $"{x.Topic} {x.Score:0.00}");
                        await output.WriteLineAsync($"{r.Topic} ({r.Confidence:0.00}, {(r.Language == Language.En ? "en" : "nl")})  <=  {string.Join("  ", ranked)}").ConfigureAwait(false);
                    }
                }

                return 0;

            case "safety-eval":
                await output.WriteLineAsync("training the screener...").ConfigureAwait(false);
                return await KbSafetyEval.EvaluateAsync(CrisisScreener.TrainDefault(result.KnowledgeBase, KbSafetyEval.SettingsFrom(args[1..])), args[1..].Where(a => a.EndsWith(".tsv", StringComparison.Ordinal)), output).ConfigureAwait(false);

            case "topic-eval":
                using (var analysis = new TextAnalysis())
                {
                    var verbose = args.Contains("-v");
                    var weight = args.SkipWhile(a => a != "--corpus-weight").Skip(1).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                    var defaults = new RecogniserSettings();
                    var epochs = args.SkipWhile(a => a != "--epochs").Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(defaults.Epochs);
                    if (!TryWithOverrides(defaults with { CorpusSampleWeight = args.Contains("--corpus-weight") ? weight : defaults.CorpusSampleWeight, Epochs = epochs }, args, out var settings, out var problem))
                    {
                        await error.WriteLineAsync(problem).ConfigureAwait(false);
                        return 2;
                    }

                    var recogniser = new Recogniser(result.KnowledgeBase!, analysis, settings, TrainingCorpus.LoadDefault(result.KnowledgeBase!));
                    return await KbTopicEval.EvaluateAsync(new QuestionClassifier(recogniser, CrisisScreener.TrainDefault(result.KnowledgeBase)), args[1..].Where(a => a.EndsWith(".tsv", StringComparison.Ordinal)), output, verbose).ConfigureAwait(false);
                }

            case "train":
                return await TrainAsync(result, args, output, error).ConfigureAwait(false);

            case "safety-cv":
                return await KbSafetyEval.CrossValidateAsync(output, KbSafetyEval.SettingsFrom(args[1..]), args.Contains("-v")).ConfigureAwait(false);

            default:
                await error.WriteLineAsync("usage: kb ask   (questions on stdin, one per line)\n       kb explain   (the same, with the four best topics and their scores)\n       kb check [--content DIR]").ConfigureAwait(false);
                return 2;
        }
    }

    /// <summary>
    /// <c>--set Name=Value</c> (repeatable) sets any number property of <see cref="RecogniserSettings"/>, to try a setting on
    /// the evaluation sets without a rebuild, e.g. <c>kb topic-eval FILES --set Bm25Share=0.3</c>. An unknown name or a value
    /// that is not a number gives <paramref name="problem"/>: what was wrong and which names there are.
    /// </summary>
    internal static bool TryWithOverrides(RecogniserSettings settings, string[] args, out RecogniserSettings result, out string problem)
    {
        var copy = settings with { };
        result = copy;
        problem = string.Empty;
        var numbers = typeof(RecogniserSettings).GetProperties().Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int))).ToDictionary(p => p.Name, StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--set")
            {
                continue;
            }

            if (i + 1 >= args.Length || args[i + 1].Split('=', 2) is not [var name, var value])
            {
                problem = "--set needs Name=Value, e.g. --set Bm25Share=0.3";
                return false;
            }

            if (!numbers.TryGetValue(name, out var property))
            {
                problem = $"no setting '{name}'; the settings are: {string.Join(", ", numbers.Keys.Order(StringComparer.Ordinal))}";
                return false;
            }

            var style = System.Globalization.NumberStyles.Float;
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            object? parsed = property.PropertyType == typeof(int)
                ? (int.TryParse(value, style & ~System.Globalization.NumberStyles.AllowDecimalPoint, culture, out var n) ? n : null)
                : (double.TryParse(value, style, culture, out var d) ? d : null);
            if (parsed is null)
            {
                problem = $"'{value}' is not a {(property.PropertyType == typeof(int) ? "whole number" : "number")} for {name}";
                return false;
            }

            property.SetValue(copy, parsed);
        }

        return true;
    }

    /// <summary>
    /// <c>kb train [--out DIR]</c>: trains the recogniser (both languages) and the crisis screener exactly as the bot does
    /// at start, on the shipped content with the default contacts, and writes them to DIR (default: Content/models beside
    /// the binaries), where the bot loads them instead of training. Runs after every build and publish (bot/Bot.csproj).
    /// </summary>
    private static async Task<int> TrainAsync(ContentLoadResult result, string[] args, TextWriter output, TextWriter error)
    {
        if (!result.IsValid)
        {
            await error.WriteLineAsync("The content files have errors; run 'kb check'.").ConfigureAwait(false);
            return 1;
        }

        var target = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? ModelStore.ShippedDirectory;
        var store = new ModelStore([], target);
        using (var analysis = new TextAnalysis())
        {
            var recogniser = new Recogniser(result.KnowledgeBase!, analysis, corpus: TrainingCorpus.LoadDefault(result.KnowledgeBase!), store: store);
            var screener = CrisisScreener.TrainDefault(result.KnowledgeBase, store: store);
            GC.KeepAlive(recogniser);
            GC.KeepAlive(screener);
        }

        foreach (var (kind, source) in store.Sources.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"{kind}: {source}").ConfigureAwait(false);
        }

        // Up to date already (same fingerprint in the folder) is as good as freshly saved.
        return store.Sources.Count == 3 && store.Sources.Values.All(s => s.Contains("saved to", StringComparison.Ordinal) || s.StartsWith("loaded from", StringComparison.Ordinal)) ? 0 : 1;
    }

    /// <summary>
    /// The length and readability report: per topic and language the words and sentences of the first bubble, words
    /// per sentence, readability (Flesch–Douma for Dutch, Flesch reading ease for English), the words behind
    /// "Meer uitleg", follow-ups, unfilled placeholders and links. Non-zero when a limit is broken.
    /// </summary>
    public static async Task<int> CheckAsync(KnowledgeBase kb, TextWriter output, TextWriter error)
    {
        var measures = ContentReport.Measure(kb);
        await output.WriteLineAsync(ContentReport.Header).ConfigureAwait(false);
        foreach (var m in measures)
        {
            await output.WriteLineAsync(ContentReport.FormatLine(m)).ConfigureAwait(false);
        }

        var problems = ContentReport.Problems(measures);
        foreach (var p in problems)
        {
            await error.WriteLineAsync(p).ConfigureAwait(false);
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"{problems.Count} problem(s) found.").ConfigureAwait(false);
            return 1;
        }

        var examples = kb.Topics.Sum(t => t.Nl.Examples.Count + t.En.Examples.Count);
        var nl = measures.Where(m => m.Language == Language.Nl).ToList();
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Content OK: {kb.Topics.Count} topics, {examples} example questions (nl + en); Dutch first bubbles at most {nl.Max(m => m.Words)} words (limit {ContentReport.MaxDutchWords}), mean Flesch–Douma {nl.Average(m => m.Readability):0}.")).ConfigureAwait(false);
        return 0;
    }
}

public sealed record KbAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("topic")] string Topic,
    [property: System.Text.Json.Serialization.JsonPropertyName("confidence")] double Confidence,
    [property: System.Text.Json.Serialization.JsonPropertyName("language")] string Language,
    [property: System.Text.Json.Serialization.JsonPropertyName("safety")] string Safety);

[System.Text.Json.Serialization.JsonSerializable(typeof(KbAnswer))]
internal sealed partial class KbJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
