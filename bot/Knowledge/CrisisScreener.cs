using System.Globalization;

namespace VpWijzer.Knowledge;

/// <summary>The three safety levels of PRODUCT.md principle 5.</summary>
public enum SafetyLevel
{
    None,

    /// <summary>Maybe: the answer, with the emergency lines as its first lines and the direct question.</summary>
    Possible,

    /// <summary>The crisis card first.</summary>
    Acute,
}

/// <summary>Whose life or health is at risk: the writer's, or someone else's (a colleague, a client, a relative).</summary>
public enum DangerTo
{
    Self,
    Other,
}

/// <summary>What the screener says about one message.</summary>
/// <param name="Score">The model's probability that someone is in danger now, 0–1.</param>
public sealed record SafetyAssessment(SafetyLevel Level, DangerTo To, double Score)
{
    public static readonly SafetyAssessment Safe = new(SafetyLevel.None, DangerTo.Self, 0);

    public string Wire => Level switch
    {
        SafetyLevel.Acute => "acute",
        SafetyLevel.Possible => "possible",
        _ => "none",
    };
}

/// <summary>Thresholds of the screener; the defaults are the ones docs/BENCHMARKS.md measured (cross-validation on the corpus).</summary>
public sealed record ScreenerSettings
{
    /// <summary>
    /// Model probability from which a message is acute on its own: chosen on 5-fold cross-validation of the corpus
    /// (<c>kb safety-cv</c>, docs/BENCHMARKS.md), where 0.6 marked 82 % of the crisis messages and 1.7 % of the others.
    /// </summary>
    public double AcuteAt { get; init; } = 0.6;

    /// <summary>Model probability from which a message is possible: with the floor, on cross-validation 95 % of crisis messages get the routes.</summary>
    public double PossibleAt { get; init; } = 0.15;

    /// <summary>
    /// Model probability from which a pattern hit is acute. A pattern hit is never below possible (the floor), but the
    /// words it matches are also in questions about suicide, in the past and in hyperbole ("mijn laptop pleegde zelfmoord"),
    /// where the model has learned better than the patterns can.
    /// </summary>
    public double PatternAcuteAt { get; init; } = 0.1;

    /// <summary>
    /// The same for a strong pattern hit (a farewell written as one, a rope bought, "after i'm gone", cutting again): these
    /// are rarely written in any other way, and the model scores them low when the message is calm. Round 6
    /// (docs/BENCHMARKS.md): 0.02 instead of 0.1 raised acute on sets B, F, G and H by 1–3 points and false acute on B, D
    /// and H by 1–2 messages; the weak floor keeps <see cref="PatternAcuteAt"/>.
    /// </summary>
    public double StrongAcuteAt { get; init; } = 0.02;

    /// <summary>Model probability from which a message with no pattern and no word of danger is acute (round 6).</summary>
    public double NoCueAcuteAt { get; init; } = 0.6;

    /// <summary>
    /// Model probability from which a weak pattern hit (the word "zelfmoord" or "suicide" alone, a threat long past) is
    /// a floor. Below it the model decides alone: it has learned questions about the topic, grief and memories, which
    /// the word alone cannot tell apart. Chosen on cross-validation (docs/BENCHMARKS.md, round 4).
    /// </summary>
    public double WeakFloorAt { get; init; } = 0.05;

    /// <summary>An ordinary reason next to a goodbye, "dood" as an idiom, hyperbole or an explicit denial caps the level at possible
    /// (<see cref="CrisisDetector.HasOrdinaryReason"/>, <see cref="CrisisDetector.IsHyperboleOrDenial"/>; <c>--no-ordinary</c> in kb safety-eval).</summary>
    public bool OrdinaryReasonCaps { get; init; } = true;

    /// <summary>Messages of at most this many words use <see cref="ShortAcuteAt"/> and <see cref="ShortPossibleAt"/>.</summary>
    public int ShortWords { get; init; } = 5;

    public double ShortAcuteAt { get; init; } = 0.85;

    public double ShortPossibleAt { get; init; } = 0.45;

    public int Epochs { get; init; } = 12;

    public float LearningRate { get; init; } = 0.5f;

    public float L2 { get; init; } = 1e-6f;

    public float GramWeight { get; init; } = 0.4f;

    /// <summary>Total training weight of the crisis examples relative to all negatives together: a miss costs more than a false alarm.</summary>
    public float CrisisWeight { get; init; } = 0.5f;

    /// <summary>
    /// Models trained with different shuffles and averaged: one SGD run moves acute by ±3 points when a handful of
    /// training lines change (measured after the blind reading dropped 8 of 4 828); the average is steadier.
    /// </summary>
    public int Seeds { get; init; } = 1;
}

/// <summary>
/// The crisis screener (issue 15): a logistic regression over word and character n-grams, trained at start-up on the
/// crisis corpus (`Content/training/crisis`) with the topic corpus as ordinary negatives, and the hand-written patterns
/// of <see cref="CrisisDetector"/> as a floor: a pattern hit always gets the emergency routes (possible), and is acute
/// unless the model is sure it is not (a question about suicide, an event long past, hyperbole).
/// Deterministic (fixed seed); it never learns from live messages and keeps nothing of them.
/// </summary>
public sealed class CrisisScreener
{
    private const int NoneClass = 0;
    private const int SelfClass = 1;
    private const int OtherClass = 2;

    [ThreadStatic]
    private static Dictionary<int, float>? _scratch;

    private readonly HashedLinearModel? _model;

    /// <param name="model">Null when the corpus has no crisis messages: then only the patterns speak (never "everything is a crisis").</param>
    private CrisisScreener(HashedLinearModel? model, ScreenerSettings settings)
    {
        _model = model;
        Settings = settings;
    }

    public ScreenerSettings Settings { get; }

    /// <summary>One labelled training message: <c>self</c>, <c>other</c> or <c>none</c>.</summary>
    public sealed record Example(string Label, string Text);

    public static CrisisScreener Train(IEnumerable<Example> examples, ScreenerSettings? settings = null)
    {
        settings ??= new ScreenerSettings();
        var features = new Dictionary<int, float>();
        var samples = new List<HashedLinearModel.Sample>();
        foreach (var example in examples)
        {
            var label = example.Label switch
            {
                "self" => SelfClass,
                "other" => OtherClass,
                "none" => NoneClass,
                _ => throw new ArgumentException($"unknown crisis label '{example.Label}'", nameof(examples)),
            };
            var scale = HashedFeatures.Extract(CrisisDetector.Normalize(example.Text), features, settings.GramWeight);
            samples.Add(HashedLinearModel.Encode(features, scale, label));
        }

        // Crisis messages are the rarer class in the corpus (every topic message is a negative too): weigh them up to
        // the share CrisisWeight asks for, so a missed crisis costs more than a false alarm whatever the mix.
        var crisisCount = samples.Count(x => x.Label != NoneClass);
        var noneCount = samples.Count - crisisCount;
        var weight = crisisCount == 0 ? 1f : Math.Max(1f, settings.CrisisWeight * noneCount / crisisCount);
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].Label != NoneClass)
            {
                samples[i] = samples[i] with { Weight = weight };
            }
        }

        return samples.Any(s => s.Label != NoneClass) && samples.Any(s => s.Label == NoneClass)
            ? new CrisisScreener(HashedLinearModel.Average(Enumerable.Range(0, Math.Max(1, settings.Seeds)).Select(k => HashedLinearModel.Train(samples, 3, settings.Epochs, settings.LearningRate, settings.L2, seed: 20261202 + k)).ToList()), settings)
            : new CrisisScreener(null, settings);
    }

    /// <summary>The corpus shipped with the app: <c>Content/training</c> beside the binaries.</summary>
    public static string DefaultTrainingDirectory => Path.Combine(AppContext.BaseDirectory, "Content", "training");

    /// <summary>
    /// The screener trained on the shipped corpus plus the content's own examples (the crisis topic's as danger to
    /// self, every other topic's as ordinary messages): what the bot, <c>kb ask</c> and the tests use.
    /// </summary>
    public static CrisisScreener TrainDefault(KnowledgeBase? knowledge = null, ScreenerSettings? settings = null, ModelStore? store = null)
    {
        settings ??= new ScreenerSettings();
        var examples = ReadCorpus(DefaultTrainingDirectory).Concat(knowledge is null ? [] : FromContent(knowledge)).ToList();
        return TrainingCache.GetOrTrain("screener", examples.Select(e => e.Label + "\t" + e.Text).Prepend(settings.ToString()), () => Train(examples, settings), new Codec(settings), store ?? ModelStore.Shipped);
    }

    internal static IModelCodec<CrisisScreener> CodecFor(ScreenerSettings settings) => new Codec(settings);

    /// <summary>The screener's weights for <see cref="ModelStore"/>; the settings are part of the file's fingerprint.</summary>
    private sealed class Codec(ScreenerSettings settings) : IModelCodec<CrisisScreener>
    {
        public void Write(CrisisScreener model, BinaryWriter writer)
        {
            writer.Write(model._model is not null);
            model._model?.Write(writer);
        }

        public CrisisScreener Read(BinaryReader reader) =>
            new(reader.ReadBoolean() ? HashedLinearModel.Read(reader) : null, settings);
    }

    public static IEnumerable<Example> FromContent(KnowledgeBase knowledge) =>
        knowledge.Topics.SelectMany(t => t.Nl.Examples.Concat(t.En.Examples).Select(e => new Example(t.Id == TopicIds.Crisis ? "self" : "none", e)));

    /// <summary>Reads the corpus files (<c>label, category, language, text</c>) and the topic corpus as negatives.</summary>
    public static IEnumerable<Example> ReadCorpus(string trainingDirectory)
    {
        var crisis = Path.Combine(trainingDirectory, "crisis");
        if (Directory.Exists(crisis))
        {
            foreach (var file in Directory.EnumerateFiles(crisis, "*.tsv").Order(StringComparer.Ordinal))
            {
                foreach (var fields in Rows(file, 4))
                {
                    yield return new Example(fields[0], fields[3]);
                }
            }
        }

        var topics = Path.Combine(trainingDirectory, "topics");
        if (Directory.Exists(topics))
        {
            foreach (var file in Directory.EnumerateFiles(topics, "*.tsv").Order(StringComparer.Ordinal))
            {
                foreach (var fields in Rows(file, 2))
                {
                    yield return new Example("none", fields[1]);
                }
            }
        }
    }

    internal static IEnumerable<string[]> Rows(string file, int columns) =>
        File.ReadLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length == columns && f[columns - 1].Trim().Length > 0);

    public SafetyAssessment Assess(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyAssessment.Safe;
        }

        // "Doodmoe", "dead tired", "mijn laptop heeft zelfmoord gepleegd": the idiom is not a word of danger, so neither the
        // model nor the patterns see it; what is left is assessed as written ("ik ben doodmoe en wil niet meer" still is).
        var idiom = false;
        if (Settings.OrdinaryReasonCaps && CrisisDetector.WithoutDeathIdioms(text) is { } plain)
        {
            text = plain;
            idiom = true;
            if (string.IsNullOrWhiteSpace(text))
            {
                return SafetyAssessment.Safe;
            }
        }

        Span<float> p = stackalloc float[3];
        Predict(text, p);
        if (text.Length > HashedFeatures.MaxChars)
        {
            // A long story: the model reads its first part, so read its end as well, where a signal may come last.
            Span<float> tail = stackalloc float[3];
            Predict(text[^HashedFeatures.MaxChars..], tail);
            if (tail[SelfClass] + tail[OtherClass] > p[SelfClass] + p[OtherClass])
            {
                tail.CopyTo(p);
            }
        }

        var score = p[SelfClass] + p[OtherClass];
        var to = p[OtherClass] > p[SelfClass] ? DangerTo.Other : DangerTo.Self;
        var level = Level(text, score, Settings);

        // The idiom taken out leaves the model less to go on: an idiom with no other word of danger stays at most possible.
        if (idiom && level == SafetyLevel.Acute && !CrisisDetector.HasHardDangerCue(text))
        {
            level = SafetyLevel.Possible;
        }

        return new SafetyAssessment(level, to, Math.Round(score, 3));
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>The level for a model score: the patterns are the floor, the thresholds do the rest.</summary>
    internal static SafetyLevel Level(string text, double score, ScreenerSettings settings)
    {
        // The patterns are the floor: what they caught before the model existed is still acute.
        // One word ("help", "hulp", "menu") is a command or a greeting to the model; its help card carries 112 and 113.
        var oneWord = text.AsSpan().Trim().IndexOfAny(' ', '\n', '\t') < 0;
        var floor = CrisisDetector.FloorOf(text);
        if (floor == PatternFloor.Acute)
        {
            return SafetyLevel.Acute;
        }

        if (floor == PatternFloor.Strong || (floor == PatternFloor.Weak && score >= settings.WeakFloorAt))
        {
            // "Als ik nog één vergadering heb…": hyperbole keeps the lines and the question, not the crisis card.
            // A knife at the counter last month, "it's over now": the same.
            return score >= (floor == PatternFloor.Strong ? settings.StrongAcuteAt : settings.PatternAcuteAt) && !(settings.OrdinaryReasonCaps && (CrisisDetector.IsHyperboleOrDenial(text) || CrisisDetector.IsOverAndDone(text))) ? SafetyLevel.Acute : SafetyLevel.Possible;
        }

        // A short message gives the model few n-grams to go on, and a few shared ones ("ik heb een", "wil niet meer")
        // can carry it: it asks more of the model there (chosen on cross-validation like the rest).
        var words = CountWords(text);
        var (acuteAt, possibleAt) = words <= settings.ShortWords ? (settings.ShortAcuteAt, settings.ShortPossibleAt) : (settings.AcuteAt, settings.PossibleAt);
        // With no pattern and no word of danger at all ("is the parking garage open on saturday"), the model alone must be
        // surer before the crisis card replaces the answer; below that the lines and the question still come first.
        if (floor == PatternFloor.None && score >= acuteAt && score < settings.NoCueAcuteAt && !CrisisDetector.HasDangerCue(text))
        {
            acuteAt = settings.NoCueAcuteAt;
        }

        var level = score >= acuteAt && !oneWord ? SafetyLevel.Acute
            : score >= possibleAt && !oneWord ? SafetyLevel.Possible
            : SafetyLevel.None;

        // A goodbye for a new job, affairs in order before leave, "doodmoe", a threat that is over: at most possible
        // (CrisisDetector.HasOrdinaryReason, IsOverAndDone).
        return level == SafetyLevel.Acute && settings.OrdinaryReasonCaps && (CrisisDetector.HasOrdinaryReason(text) || CrisisDetector.IsHyperboleOrDenial(text) || CrisisDetector.IsOverAndDone(text)) ? SafetyLevel.Possible : level;
    }

    /// <summary>The model's probability alone, without the pattern floor: for measurement and threshold choice.</summary>
    internal double Score(string text)
    {
        Span<float> p = stackalloc float[3];
        Predict(text, p);
        return p[SelfClass] + p[OtherClass];
    }

    private void Predict(string text, Span<float> p)
    {
        p.Clear();
        if (_model is null)
        {
            p[NoneClass] = 1;
            return;
        }

        var features = _scratch ??= new Dictionary<int, float>();
        var scale = HashedFeatures.Extract(CrisisDetector.Normalize(text), features, Settings.GramWeight);
        _model.Predict(features, scale, p);
    }

    internal static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
