using VpWijzer.Knowledge;
using VpWijzer.State;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Knowledge;

public sealed class RecogniserEvaluationTests
{
    [Fact]
    public void Classify_DevSet_AtLeast95PercentAndEveryCrisis()
    {
        var rows = ReadSet(RepoPaths.DevSet);

        var results = rows.Select(r => (r.Expected, r.Question, Actual: TestKnowledge.Classifier.Classify(r.Question, Language.Nl).Topic)).ToList();

        var wrong = results.Where(r => r.Expected != r.Actual).Select(r => $"{r.Expected} -> {r.Actual}: {r.Question}").ToList();
        var accuracy = 1.0 - ((double)wrong.Count / rows.Count);
        Assert.True(rows.Count >= 80, "the dev set was not read");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}; wrong:\n" + string.Join("\n", wrong));
        Assert.All(results.Where(r => r.Expected == TopicIds.Crisis), r => Assert.Equal(TopicIds.Crisis, r.Actual));
    }

    [Theory]
    [InlineData("ik heb een vraag")]
    [InlineData("hoe zit dat")]
    [InlineData("wat moet ik doen")]
    public void Classify_OneEverydayWord_AsksInsteadOfGuessing(string question)
    {
        var result = TestKnowledge.Classifier.Classify(question, Language.Nl);

        Assert.True(result.Confidence < QuestionClassifier.ClarifyBelow, $"{result.Topic} {result.Confidence}");
    }

    [Theory]
    [InlineData("mijn collega pest me", TopicIds.Bullying)]
    [InlineData("mijn collega wordt gepest", TopicIds.Bystander)]
    [InlineData("mijn collega zit steeds aan me", TopicIds.SexualHarassment)]
    public void Classify_WhoItHappensTo_WriterOrSomeoneElse(string question, string expected)
    {
        var result = TestKnowledge.Classifier.Classify(question, Language.Nl);

        Assert.Equal(expected, result.Topic);
    }

    [Fact]
    public void Content_ContainsNoEvaluationQuestionVerbatim()
    {
        static string Normalize(string s) => string.Join(' ', s.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0));
        var evaluation = new[] { RepoPaths.DevSet, HeldOut("holdout.tsv"), HeldOut("holdout2.tsv") }
            .SelectMany(ReadSet)
            .Select(r => Normalize(r.Question))
            .Where(q => q.Split(' ').Length >= 3)
            .ToHashSet(StringComparer.Ordinal);

        var copied = TestKnowledge.Base.Topics
            .SelectMany(t => t.Nl.Examples.Concat(t.En.Examples).Select(e => (t.Id, Example: e)))
            .Where(e => evaluation.Contains(Normalize(e.Example)))
            .Select(e => $"{e.Id}: {e.Example}")
            .ToList();

        Assert.True(evaluation.Count > 200, "the evaluation sets were not read");
        Assert.True(copied.Count == 0, "evaluation questions copied into content:\n" + string.Join("\n", copied));
    }

    private static string HeldOut(string name) => Path.Combine(RepoPaths.Root, "bot.tests", "Knowledge", name);

    /// <summary>An evaluation file: "topic&lt;TAB&gt;question" per line; lines starting with # are comments.</summary>
    private static List<(string Expected, string Question)> ReadSet(string path) =>
        File.ReadAllLines(path)
            .Where(l => !l.StartsWith('#') && l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (Expected: p[0].Trim(), Question: p[1].Trim()))
            .ToList();

    /// <summary>
    /// The held-out sets are measurement, not training: the recorded numbers are in docs/BENCHMARKS.md. This floor
    /// only catches a regression; the crisis rules are the hidden set's: every crisis found, at most one false alarm.
    /// </summary>
    [Theory]
    [InlineData("holdout.tsv")]
    [InlineData("holdout2.tsv")]
    public void Classify_HeldOutSets_CrisisAlwaysFound_AtMostOneFalseAlarm(string name)
    {
        var rows = ReadSet(HeldOut(name));

        var results = rows.Select(r => (r.Expected, r.Question, Actual: TestKnowledge.Classifier.Classify(r.Question, Language.Nl).Topic)).ToList();

        var missedCrisis = results.Where(r => r.Expected == TopicIds.Crisis && r.Actual != TopicIds.Crisis).Select(r => r.Question).ToList();
        var falseAlarms = results.Where(r => r.Expected != TopicIds.Crisis && r.Actual == TopicIds.Crisis).Select(r => r.Question).ToList();
        var accuracy = results.Count(r => r.Expected == r.Actual) / (double)rows.Count;
        Assert.True(rows.Count >= 150, "the held-out set was not read");
        Assert.True(missedCrisis.Count == 0, "crisis not recognised:\n" + string.Join("\n", missedCrisis));
        Assert.True(falseAlarms.Count <= 1, "false crisis:\n" + string.Join("\n", falseAlarms));
        Assert.True(accuracy >= 0.88, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public void Classify_RegressionSet_AtLeast90PercentAndEveryCrisis()
    {
        var rows = ReadSet(HeldOut("regression.tsv"));

        var wrong = rows.Where(r => TestKnowledge.Classifier.Classify(r.Question, Language.Nl).Topic != r.Expected).Select(r => $"{r.Expected}: {r.Question}").ToList();

        Assert.True(rows.Count >= 70, "the regression set was not read");
        Assert.True(wrong.Count <= rows.Count / 10, "wrong:\n" + string.Join("\n", wrong));
        Assert.All(rows.Where(r => r.Expected == TopicIds.Crisis), r => Assert.Equal(TopicIds.Crisis, TestKnowledge.Classifier.Classify(r.Question, Language.Nl).Topic));
    }

    [Theory]
    [InlineData("is dit pesten?", TopicIds.Bullying)]
    [InlineData("blijft dit geheim?", TopicIds.Confidentiality)]
    [InlineData("kan de VP mijn baas aanspreken?", TopicIds.VpLimits)]
    [InlineData("wat doet een vertrouwenspersoon", TopicIds.VpRole)]
    [InlineData("seksuele intimidatie", TopicIds.SexualHarassment)]
    public void Classify_IssueExamples_ExpectedTopic(string question, string expected)
    {
        var result = TestKnowledge.Classifier.Classify(question, Language.Nl);

        Assert.Equal(expected, result.Topic);
    }

    [Theory]
    [InlineData("Wat is pessten precies", TopicIds.Bullying)]
    [InlineData("vertrouwenspersooon wat doet die", TopicIds.VpRole)]
    [InlineData("discriminatei op het werk", TopicIds.Discrimination)]
    public void Classify_Typos_StillFound(string question, string expected)
    {
        var result = TestKnowledge.Classifier.Classify(question, Language.Nl);

        Assert.Equal(expected, result.Topic);
    }

    [Theory]
    [InlineData("What does a confidential adviser do?", Language.En)]
    [InlineData("Wat doet een vertrouwenspersoon?", Language.Nl)]
    [InlineData("pesten", Language.Nl)]
    public void Classify_Language_Detected(string question, Language expected)
    {
        var result = TestKnowledge.Classifier.Classify(question, expected == Language.En ? Language.Nl : Language.En);

        Assert.Equal(expected, result.Language);
    }

    [Fact]
    public void Classify_Gibberish_NoneWithLowConfidence()
    {
        var result = TestKnowledge.Classifier.Classify("qwx zzv plonk", Language.Nl);

        Assert.Equal(TopicIds.None, result.Topic);
        Assert.True(result.Confidence < 0.35);
    }
}

/// <summary>
/// The three independent sets of issue 17 (bot.tests/Evaluation/topics-*.tsv), each written from PRODUCT.md only. Their
/// first measurements are in docs/BENCHMARKS.md; issue 17's bar is 93 %. These floors sit just under what was measured
/// once the topic corpus (Content/training/topics, ≥ 150 per topic and language) was complete, so a regression shows.
/// </summary>
public sealed class IndependentTopicSetTests
{
    [Theory]
    [InlineData("topics-questions.tsv", 0.90)]
    [InlineData("topics-english.tsv", 0.89)]
    [InlineData("topics-stories.tsv", 0.87)]
    [InlineData("topics-stories2.tsv", 0.86)]
    [InlineData("topics-questions2.tsv", 0.93)]
    [InlineData("topics-mixed3.tsv", 0.89)]
    [InlineData("topics-stories4.tsv", 0.78)] // first measured 75.7 % (2026-12-03); 80.0 % after round 4
    [InlineData("topics-stories5.tsv", 0.81)] // first measured 81.8 % (2026-12-03, before the stories corpus H); 83.2 % after round 4
    [InlineData("topics-stories6.tsv", 0.84)] // first measured 83.7 % (2026-12-03, before round 5); 85.6 % after round 5
    [InlineData("topics-stories7.tsv", 0.92)] // first measured 93.6 % (2026-12-03, written during round 5, never tuned on)
    [InlineData("topics-stories8.tsv", 0.88)] // first measured 87.5 % (2026-12-03, before the contrast round); 88.3 % after round 6
    [InlineData("topics-stories9.tsv", 0.89)] // first measured 90.0 % (2026-12-06, before the pair round); 90.8 % after round 6
    [InlineData("topics-stories10.tsv", 0.84)] // first measured 84.2 % (2026-12-06, after the pair round, before the persona round)
    [InlineData("topics-stories11.tsv", 0.87)] // first measured 88.3 % (2026-12-06, at the end of round 6, never tuned on)
    public void Classify_IndependentSet_AtLeastTheFirstMeasurement(string name, double floor)
    {
        var rows = File.ReadAllLines(Path.Combine(RepoPaths.Root, "bot.tests", "Evaluation", name))
            .Where(l => !l.StartsWith('#') && l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .ToList();

        var right = rows.Count(r => TestKnowledge.Classifier.Classify(r[1], Language.Nl).Topic == r[0]);

        Assert.True(rows.Count >= 150, "the set was not read");
        Assert.True(right >= rows.Count * floor, $"{right} of {rows.Count} right");
    }
}
