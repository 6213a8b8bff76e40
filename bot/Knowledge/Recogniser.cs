using System.Collections.Frozen;
using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>A ranked guess at what a question is about.</summary>
/// <param name="Topic">Best topic id, or <see cref="TopicIds.None"/>.</param>
/// <param name="Confidence">0–1: how sure, from the best score and its lead over the runner-up.</param>
/// <param name="Language">The language the question is written in (or the hint, when unclear).</param>
/// <param name="Alternatives">The next likeliest topics, best first (for a clarifying card).</param>
/// <param name="Safety">The crisis screener's level; <c>topic</c> is <c>crisis</c> exactly when it is acute (set by <see cref="QuestionClassifier"/>).</param>
public sealed record Recognition(string Topic, double Confidence, Language Language, IReadOnlyList<string> Alternatives, SafetyAssessment? Safety = null);

/// <summary>Tunable numbers of the recogniser; the defaults are what docs/BENCHMARKS.md measured.</summary>
public sealed record RecogniserSettings
{
    public double StemWeight { get; init; } = 1.0;

    public double BigramWeight { get; init; } = 0.5;

    public double CharGramWeight { get; init; } = 0.12;

    public double KeywordDocWeight { get; init; } = 0.9;

    public double TitleDocWeight { get; init; } = 0.7;

    public double AnswerDocWeight { get; init; } = 0.25;

    public double FuzzyWeight { get; init; } = 0.8;

    public double SecondDocWeight { get; init; } = 0.35;

    public double ThirdDocWeight { get; init; } = 0.15;

    /// <summary>Below this best score the question is out of scope (<c>none</c>).</summary>
    public double NoneThreshold { get; init; } = 1.4;

    /// <summary>Scales the blended probability into the reported confidence.</summary>
    public double ConfidenceScale { get; init; } = 1.2;

    /// <summary>Share of the BM25 ranking (normalised to the best topic) next to the learned model's probability.</summary>
    public double Bm25Share { get; init; } = 0.2;

    /// <summary>Softmax temperature that turns BM25 scores into a distribution over topics.</summary>
    public double Bm25Temperature { get; init; } = 3.0;

    /// <summary>Training weight of keywords and titles relative to an example question.</summary>
    public double KeywordSampleWeight { get; init; } = 0.7;

    public int Epochs { get; init; } = 40;

    /// <summary>Training weight of a corpus message (Content/training/topics) relative to a content example: 0.3–0.8 measured within a
    /// point on the independent sets (docs/BENCHMARKS.md, round 4: 89.8 % at 0.3, 90.2 % at 0.4, all sets together); 0.4 keeps the
    /// content editors' own examples (the dev set) at 96.8 %, higher weights cost it a point.</summary>
    public double CorpusSampleWeight { get; init; } = 0.4;

    /// <summary>Length of the model's input vector after TF-IDF and normalisation.</summary>
    public double ModelInputScale { get; init; } = 2.0;

    public double LearningRate { get; init; } = 0.2;

    /// <summary>L2 penalty of the learned model.</summary>
    public double L2 { get; init; } = 1e-5;

    /// <summary>Training weight, in each language's model, of a corpus message written in the other language: people mix
    /// Dutch and English, and a message detected as Dutch may be mostly English words (round 5, docs/BENCHMARKS.md: 0.2 took the
    /// English-heavy set from 87.9 to 91.7 % and all older sets together from 90.4 to 91.0 %).</summary>
    public double OtherLanguageCorpusWeight { get; init; } = 0.2;

    /// <summary>How many n-grams of a word count fully; longer words share that weight.</summary>
    public double GramsPerWord { get; init; } = 4;

    public double K1 { get; init; } = 1.2;

    public double B { get; init; } = 0.6;
}

/// <summary>
/// Finds the topic of a question: BM25 over each topic's example questions, keywords, title and
/// answer, on three kinds of features (Snowball stems, stem pairs, character 4-grams for typos
/// and Dutch compounds), in both languages. Immutable after construction; thread-safe. It keeps
/// nothing of the questions it sees.
/// </summary>
public sealed class Recogniser
{
    private const int GramSize = 4;

    /// <summary>A one-word question is answered directly only when the model is at least this sure ("pesten", "privacy").</summary>
    private const double SingleWordCertainty = 0.7;

    private const double SingleWordConfidenceCap = 0.3;

    [ThreadStatic]
    private static double[]? _docScratch;

    [ThreadStatic]
    private static List<int>? _touchedScratch;

    private readonly TextAnalysis _analysis;
    private readonly RecogniserSettings _settings;
    private readonly LanguageIndex _nl;
    private readonly LanguageIndex _en;
    private readonly string[] _topicIds;
    private readonly SoftmaxModel _nlModel;
    private readonly SoftmaxModel _enModel;

    private readonly TrainingCorpus _corpus;

    private readonly ModelStore _store;

    /// <summary>Per language and topic: the stems of its keywords and title, the words that may stand alone.</summary>
    private readonly FrozenDictionary<Language, HashSet<string>[]> _keywordStems;

    public Recogniser(KnowledgeBase knowledge, TextAnalysis analysis, RecogniserSettings? settings = null, TrainingCorpus? corpus = null, ModelStore? store = null)
    {
        _store = store ?? ModelStore.Shipped;
        _analysis = analysis;
        _corpus = corpus is not null && corpus.Covers(knowledge) ? corpus : TrainingCorpus.Empty;
        _settings = settings ?? new RecogniserSettings();
        _topicIds = knowledge.Topics.Select(t => t.Id).ToArray();
        _keywordStems = new[] { Language.Nl, Language.En }.ToFrozenDictionary(l => l, l => knowledge.Topics
            .Select(t => t.Text(l).Keywords.Append(t.Text(l).Title)
                .SelectMany(k => analysis.Words(k)).Where(w => !TextAnalysis.IsStopWord(w, l)).Select(w => TextAnalysis.Stem(w, l))
                .ToHashSet(StringComparer.Ordinal))
            .ToArray());
        // The two languages are independent (own index, own fixed-seed model; TextAnalysis is per-thread), so they
        // are built side by side: most of the cold start (issue 10) is this training.
        var english = Task.Run(() =>
        {
            var index = BuildIndex(knowledge, Language.En);
            return (Index: index, Model: CachedModel(knowledge, index));
        });
        _nl = BuildIndex(knowledge, Language.Nl);
        _nlModel = CachedModel(knowledge, _nl);
        (_en, _enModel) = english.GetAwaiter().GetResult();
    }

    public Recognition Recognise(string text, Language fallbackLanguage = Language.Nl)
    {
        var words = _analysis.Words(text);
        var language = DetectLanguage(words) ?? fallbackLanguage;
        if (words.Count == 0)
        {
            return new Recognition(TopicIds.None, 0, language, []);
        }

        var scores = TopicScores(words, language, out var bestBm25);
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var best = scores[order[0]];
        var second = order.Length > 1 ? scores[order[1]] : 0;
        var alternatives = order.Skip(1).Take(3).Where(i => scores[i] > 0 && _topicIds[i] != TopicIds.None).Select(i => _topicIds[i]).ToList();

        if (bestBm25 < _settings.NoneThreshold)
        {
            // Hardly a word in common with any topic: out of scope, whatever the model leans to.
            return new Recognition(TopicIds.None, Math.Round(Math.Min(0.3, bestBm25 / _settings.NoneThreshold * 0.3), 3), language, order.Take(3).Where(i => scores[i] > 0 && _topicIds[i] != TopicIds.None).Select(i => _topicIds[i]).ToList());
        }

        var margin = best > 0 ? (best - second) / best : 0;
        var confidence = Math.Round(Math.Clamp(best * (0.5 + (0.5 * margin)) * _settings.ConfidenceScale, 0, 1), 3);
        var content = words.Where(w => !TextAnalysis.IsStopWord(w, language)).Take(2).ToList();
        if (content.Count <= 1 && (best < SingleWordCertainty || (content.Count == 1 && !_keywordStems[language][order[0]].Contains(TextAnalysis.Stem(content[0], language)))))
        {
            // One everyday word ("ik heb een vraag", "hoe zit dat") is too little to go on: ask instead of guessing.
            // One of the topic's own keywords ("pesten", "privacy") is answered when the model is sure.
            confidence = Math.Min(confidence, SingleWordConfidenceCap);
        }
        return new Recognition(_topicIds[order[0]], confidence, language, alternatives);
    }

    /// <summary>Every topic with its score, best first: what <c>kb explain</c> prints for content editors.</summary>
    public IReadOnlyList<(string Topic, double Score)> Rank(string text, Language fallbackLanguage = Language.Nl)
    {
        var words = _analysis.Words(text);
        var language = DetectLanguage(words) ?? fallbackLanguage;
        var scores = TopicScores(words, language, out _);
        return Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Select(i => (_topicIds[i], Math.Round(scores[i], 3))).ToList();
    }

    /// <summary>Per topic: the model's probability blended with the BM25 ranking, in the question's language.</summary>
    private double[] TopicScores(List<string> words, Language language, out double bestBm25)
    {
        var (index, model) = language == Language.En ? (_en, _enModel) : (_nl, _nlModel);
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        AddQueryFeatures(index, words, features);
        var bm25 = Score(index, features);
        var probabilities = model.Predict(Weighted(index, features));
        bestBm25 = bm25.Max();
        var share = _settings.Bm25Share;
        var scores = new double[_topicIds.Length];
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp((bm25[i] - bestBm25) / _settings.Bm25Temperature);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = ((1 - share) * probabilities[i]) + (share * scores[i] / sum);
        }

        return scores;
    }

    /// <summary>For tuning: the model's probabilities and the BM25 scores separately.</summary>
    internal (double[] Probabilities, double[] Bm25, string[] Topics, Dictionary<string, double> Features) Debug(string text, Language language)
    {
        var words = _analysis.Words(text);
        var (index, model) = language == Language.En ? (_en, _enModel) : (_nl, _nlModel);
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        AddQueryFeatures(index, words, features);
        return (model.Predict(Weighted(index, features)), Score(index, features), _topicIds, features);
    }

    private SoftmaxModel TrainModel(KnowledgeBase knowledge, LanguageIndex index)
    {
        var samples = new List<SoftmaxModel.Sample>();
        for (var t = 0; t < _topicIds.Length; t++)
        {
            var text = knowledge[_topicIds[t]].Text(index.Language);
            foreach (var example in text.Examples)
            {
                samples.Add(new SoftmaxModel.Sample(Features(index, example), t, 1.0));
            }

            foreach (var keyword in text.Keywords.Append(text.Title))
            {
                samples.Add(new SoftmaxModel.Sample(Features(index, keyword), t, _settings.KeywordSampleWeight));
            }
        }

        var topicIndex = Enumerable.Range(0, _topicIds.Length).ToDictionary(i => _topicIds[i], StringComparer.Ordinal);
        foreach (var message in _corpus.Messages.Where(m => m.Language == index.Language))
        {
            samples.Add(new SoftmaxModel.Sample(Features(index, message.Text), topicIndex[message.Topic], _settings.CorpusSampleWeight));
        }

        if (_settings.OtherLanguageCorpusWeight > 0)
        {
            // Only the features this language's own examples already have: the mixed words it shares with the other
            // language, without a second vocabulary (all features cost 12 MB of RSS for +0.3 points; docs/BENCHMARKS.md, round 5).
            var known = samples.SelectMany(x => x.Features.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var message in _corpus.Messages.Where(m => m.Language != index.Language))
            {
                var features = Features(index, message.Text).Where(f => known.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
                if (features.Count > 0)
                {
                    samples.Add(new SoftmaxModel.Sample(features, topicIndex[message.Topic], _settings.OtherLanguageCorpusWeight));
                }
            }
        }

        return SoftmaxModel.Train(samples, _topicIds.Length, _settings.Epochs, _settings.LearningRate, _settings.L2);
    }

    /// <summary>The model for these exact inputs: trained once per process (see <see cref="TrainingCache"/>).</summary>
    private SoftmaxModel CachedModel(KnowledgeBase knowledge, LanguageIndex index) =>
        TrainingCache.GetOrTrain(
            "recogniser:" + index.Language,
            TrainingCache.Content(knowledge, index.Language)
                .Append(_settings.ToString())
                .Concat(_corpus.Messages.Where(m => m.Language == index.Language || _settings.OtherLanguageCorpusWeight > 0).Select(m => m.Topic + "\t" + m.Text)),
            () => TrainModel(knowledge, index),
            SoftmaxModel.Codec,
            _store);

    private Dictionary<string, double> Features(LanguageIndex index, string text)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        AddQueryFeatures(index, _analysis.Words(text), features);
        return Weighted(index, features);
    }

    /// <summary>
    /// TF-IDF for the model: words every topic uses ("niet", "collega") weigh little, distinctive
    /// ones ("beoordeling", "typ") much; then unit length, so a long story is not more certain than a short question.
    /// </summary>
    private Dictionary<string, double> Weighted(LanguageIndex index, Dictionary<string, double> features)
    {
        var weighted = new Dictionary<string, double>(features.Count, StringComparer.Ordinal);
        var norm = 0.0;
        foreach (var (feature, value) in features)
        {
            var w = value * (index.Idf.TryGetValue(feature, out var idf) ? idf : index.MaxIdf);
            weighted[feature] = w;
            norm += w * w;
        }

        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            foreach (var key in weighted.Keys.ToList())
            {
                weighted[key] = weighted[key] / norm * _settings.ModelInputScale;
            }
        }

        return weighted;
    }

    /// <summary>The language of a text by function words, then by which content vocabulary it uses.</summary>
    public Language? DetectLanguage(string text) => DetectLanguage(_analysis.Words(text));

    /// <summary>Function words ("ik", "the") plus content words only one language's topics use ("pesten", "bullying").</summary>
    private Language? DetectLanguage(List<string> words)
    {
        var (nl, en) = TextAnalysis.CountFunctionWords(words);
        foreach (var word in words)
        {
            var inNl = _nl.Vocabulary.Contains(word);
            var inEn = _en.Vocabulary.Contains(word);
            if (inNl && !inEn)
            {
                nl++;
            }
            else if (inEn && !inNl)
            {
                en++;
            }
        }

        return nl > en ? Language.Nl : en > nl ? Language.En : null;
    }

    private double[] Score(LanguageIndex index, Dictionary<string, double> features)
    {
        // Scratch per thread instead of a Dictionary<int, double> that grew (and rehashed) on every question:
        // the issue 10 profile showed it, and the 2-D array below, among the bot's top allocations per turn.
        var docCount = index.Docs.Length;
        var docScores = _docScratch is { } scratch && scratch.Length >= docCount ? scratch : _docScratch = new double[docCount];
        var touched = _touchedScratch ??= new List<int>();
        foreach (var stale in touched)
        {
            docScores[stale] = 0; // only after a call that did not finish
        }

        touched.Clear();
        foreach (var (feature, queryWeight) in features)
        {
            if (!index.Postings.TryGetValue(feature, out var postings))
            {
                continue;
            }

            foreach (var posting in postings)
            {
                if (docScores[posting.Doc] == 0)
                {
                    touched.Add(posting.Doc);
                }

                // Contribution = BM25 of the feature in this document times its family's weight, worked out once
                // when the index is built (issue 10: this loop was the recogniser's hottest code).
                docScores[posting.Doc] += posting.Contribution * queryWeight;
            }
        }

        // Per topic: the best documents, weighted by kind, a little credit for the second and third.
        var top = new double[_topicIds.Length * 3];
        foreach (var doc in touched)
        {
            var raw = docScores[doc];
            docScores[doc] = 0;
            var d = index.Docs[doc];
            var s = raw * d.Weight;
            var t = d.Topic * 3;
            if (s > top[t])
            {
                top[t + 2] = top[t + 1];
                top[t + 1] = top[t];
                top[t] = s;
            }
            else if (s > top[t + 1])
            {
                top[t + 2] = top[t + 1];
                top[t + 1] = s;
            }
            else if (s > top[t + 2])
            {
                top[t + 2] = s;
            }
        }

        var result = new double[_topicIds.Length];
        for (var t = 0; t < result.Length; t++)
        {
            result[t] = top[t * 3] + (_settings.SecondDocWeight * top[(t * 3) + 1]) + (_settings.ThirdDocWeight * top[(t * 3) + 2]);
        }

        return result;
    }

    private void AddQueryFeatures(LanguageIndex index, List<string> words, Dictionary<string, double> features)
    {
        string? previous = null;
        var recentStems = new List<string>();
        var roleNext = false;
        foreach (var word in words)
        {
            if (TextAnalysis.IsRoleTrigger(word))
            {
                roleNext = true;
                continue;
            }

            if (TextAnalysis.IsFirstPersonObject(word))
            {
                // "mijn collega pest me" is about the writer; "mijn collega wordt gepest" is about someone else (bystander).
                Add(features, "p:me", 1);
            }

            if (index.Language == Language.Nl && TextAnalysis.IsSeparableParticle(word))
            {
                // Dutch separable verbs: "ze lachen me uit" means "uitlachen", "ze sluiten me buiten" means "buitensluiten".
                foreach (var recent in recentStems)
                {
                    var joined = TextAnalysis.Stem(word + recent, index.Language);
                    if (index.Postings.ContainsKey("s:" + joined))
                    {
                        Add(features, "s:" + joined, 1);
                    }
                }
            }

            if (TextAnalysis.IsStopWord(word, index.Language))
            {
                previous = null;
                continue;
            }

            var stem = TextAnalysis.Stem(word, index.Language);
            if (TextAnalysis.IsStopWord(stem, index.Language))
            {
                previous = null;
                continue;
            }

            if (roleNext)
            {
                // Who the writer is ("als leidinggevende", "I'm a supervisor") tells manager from employee questions.
                Add(features, "r:" + stem, 1);
                roleNext = false;
            }

            var known = index.Vocabulary.Contains(word) || index.Postings.ContainsKey("s:" + stem);
            if (known)
            {
                Add(features, "s:" + stem, 1);
            }
            else if (word.Length >= 4 && FindClosest(index, word) is { } corrected)
            {
                stem = TextAnalysis.Stem(corrected, index.Language);
                Add(features, "s:" + stem, _settings.FuzzyWeight);
            }
            else
            {
                Add(features, "s:" + stem, 1);
            }

            if (previous is not null)
            {
                Add(features, "b:" + previous + "_" + stem, 1);
            }

            previous = stem;
            recentStems.Add(word);
            if (recentStems.Count > 4)
            {
                recentStems.RemoveAt(0);
            }

            // Each word's character n-grams share one unit of weight, so long words do not outvote short ones.
            var grams = CharGrams(word).ToList();
            foreach (var gram in grams)
            {
                Add(features, gram, Math.Min(1, _settings.GramsPerWord / grams.Count));
            }
        }
    }

    private static void Add(Dictionary<string, double> features, string feature, double weight) =>
        features[feature] = Math.Max(features.GetValueOrDefault(feature), weight);

    /// <summary>The nearest known word within a small edit distance (1 for short words, 2 for long).</summary>
    private static string? FindClosest(LanguageIndex index, string word)
    {
        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = maxDistance + 1;
        var mask = CharacterMask(word);
        var vocabulary = index.VocabularyList;
        var masks = index.VocabularyMasks;
        for (var i = 0; i < vocabulary.Length; i++)
        {
            var candidate = vocabulary[i];
            if (Math.Abs(candidate.Length - word.Length) > maxDistance || candidate.Length < 4)
            {
                continue;
            }

            // Cheap necessary condition first: each edit changes at most two characters' presence.
            if (System.Numerics.BitOperations.PopCount(mask ^ masks[i]) > 2 * (bestDistance - 1))
            {
                continue;
            }

            var distance = EditDistance.DamerauLevenshtein(word, candidate, bestDistance - 1);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
                if (distance == 1 && maxDistance == 1)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static IEnumerable<string> CharGrams(string word)
    {
        var padded = "_" + word + "_";
        if (padded.Length <= GramSize)
        {
            yield return "c:" + padded;
            yield break;
        }

        for (var i = 0; i + GramSize <= padded.Length; i++)
        {
            yield return string.Concat("c:", padded.AsSpan(i, GramSize));
        }
    }

    private LanguageIndex BuildIndex(KnowledgeBase knowledge, Language language)
    {
        var docs = new List<Doc>();
        var postings = new Dictionary<string, List<RawPosting>>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);

        void AddDoc(int topic, string text, double weight)
        {
            var words = _analysis.Words(text);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            int stems = 0, bigrams = 0, grams = 0;
            string? previous = null;
            foreach (var word in words)
            {
                if (word.Length >= 4)
                {
                    vocabulary.Add(word);
                }

                if (TextAnalysis.IsStopWord(word, language))
                {
                    previous = null;
                    continue;
                }

                var stem = TextAnalysis.Stem(word, language);
                if (TextAnalysis.IsStopWord(stem, language))
                {
                    previous = null;
                    continue;
                }

                counts["s:" + stem] = counts.GetValueOrDefault("s:" + stem) + 1;
                stems++;
                if (previous is not null)
                {
                    var bigram = "b:" + previous + "_" + stem;
                    counts[bigram] = counts.GetValueOrDefault(bigram) + 1;
                    bigrams++;
                }

                previous = stem;
                foreach (var gram in CharGrams(word))
                {
                    counts[gram] = counts.GetValueOrDefault(gram) + 1;
                    grams++;
                }
            }

            if (counts.Count == 0)
            {
                return;
            }

            var id = docs.Count;
            docs.Add(new Doc(topic, weight, Math.Max(1, stems), Math.Max(1, bigrams), Math.Max(1, grams)));
            foreach (var (feature, count) in counts)
            {
                if (!postings.TryGetValue(feature, out var list))
                {
                    postings[feature] = list = [];
                }

                list.Add(new RawPosting(id, count));
            }
        }

        for (var t = 0; t < _topicIds.Length; t++)
        {
            var text = knowledge[_topicIds[t]].Text(language);
            foreach (var example in text.Examples)
            {
                AddDoc(t, example, 1.0);
            }

            foreach (var keyword in text.Keywords)
            {
                AddDoc(t, keyword, _settings.KeywordDocWeight);
            }

            AddDoc(t, text.Title + ". " + text.Summary, _settings.TitleDocWeight);
            foreach (var paragraph in text.AllParagraphs)
            {
                AddDoc(t, paragraph, _settings.AnswerDocWeight);
            }
        }

        var n = docs.Count;
        var idf = postings.ToFrozenDictionary(
            p => p.Key,
            p => Math.Log(1 + ((n - p.Value.Count + 0.5) / (p.Value.Count + 0.5))),
            StringComparer.Ordinal);
        double averageStems = docs.Average(d => (double)d.Stems), averageBigrams = docs.Average(d => (double)d.Bigrams), averageGrams = docs.Average(d => (double)d.Grams);
        double AverageLength(char family) => family switch { 's' => averageStems, 'b' => averageBigrams, _ => averageGrams };
        var scored = postings.ToFrozenDictionary(
            p => p.Key,
            p =>
            {
                var family = p.Key[0];
                var familyWeight = family switch
                {
                    's' => _settings.StemWeight,
                    'b' => _settings.BigramWeight,
                    _ => _settings.CharGramWeight,
                };
                var featureIdf = idf[p.Key];
                var average = AverageLength(family);
                return p.Value.Select(raw =>
                {
                    var length = docs[raw.Doc].Length(family);
                    var tf = raw.Frequency;
                    var bm25 = featureIdf * tf * (_settings.K1 + 1) / (tf + (_settings.K1 * (1 - _settings.B + (_settings.B * length / average))));
                    return new Posting(raw.Doc, bm25 * familyWeight);
                }).ToArray();
            },
            StringComparer.Ordinal);
        var vocabularyList = vocabulary.Order(StringComparer.Ordinal).ToArray();
        return new LanguageIndex(
            language,
            docs.ToArray(),
            scored,
            idf,
            vocabulary.ToFrozenSet(StringComparer.Ordinal),
            vocabularyList,
            vocabularyList.Select(CharacterMask).ToArray());
    }

    /// <summary>One bit per character (folded into 64): words within edit distance d differ in at most 2d bits.</summary>
    private static ulong CharacterMask(string word)
    {
        var mask = 0UL;
        foreach (var c in word)
        {
            mask |= 1UL << (c & 63);
        }

        return mask;
    }

    private readonly record struct RawPosting(int Doc, int Frequency);

    /// <summary>A document holding a feature, with what that feature adds to the document's score.</summary>
    private readonly record struct Posting(int Doc, double Contribution);

    private sealed record Doc(int Topic, double Weight, int Stems, int Bigrams, int Grams)
    {
        public int Length(char family) => family switch { 's' => Stems, 'b' => Bigrams, _ => Grams };
    }

    private sealed class LanguageIndex(
        Language language,
        Doc[] docs,
        FrozenDictionary<string, Posting[]> postings,
        FrozenDictionary<string, double> idf,
        FrozenSet<string> vocabulary,
        string[] vocabularyList,
        ulong[] vocabularyMasks)
    {
        public Language Language { get; } = language;

        public Doc[] Docs { get; } = docs;

        public FrozenDictionary<string, Posting[]> Postings { get; } = postings;

        public FrozenDictionary<string, double> Idf { get; } = idf;

        public double MaxIdf { get; } = idf.Count == 0 ? 1 : idf.Values.Max();

        public FrozenSet<string> Vocabulary { get; } = vocabulary;

        public string[] VocabularyList { get; } = vocabularyList;

        /// <summary><see cref="CharacterMask"/> of each word in <see cref="VocabularyList"/>.</summary>
        public ulong[] VocabularyMasks { get; } = vocabularyMasks;
    }
}

internal static class EditDistance
{
    /// <summary>Optimal string alignment distance; stops early once it exceeds <paramref name="limit"/>.</summary>
    public static int DamerauLevenshtein(string a, string b, int limit)
    {
        var n = a.Length;
        var m = b.Length;
        if (Math.Abs(n - m) > limit)
        {
            return limit + 1;
        }

        Span<int> previous2 = stackalloc int[m + 1];
        Span<int> previous = stackalloc int[m + 1];
        Span<int> current = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var swap = previous2;
            previous2 = previous;
            previous = current;
            current = swap;
        }

        return previous[m];
    }
}
