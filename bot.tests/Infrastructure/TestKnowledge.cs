using VpWijzer.Knowledge;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>The real content shipped with the bot, loaded once per test run (it is immutable).</summary>
public static class TestKnowledge
{
    private static readonly Lazy<KnowledgeBase> Lazy = new(() =>
    {
        var result = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions());
        return result.IsValid ? result.KnowledgeBase! : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    });

    private static readonly Lazy<CrisisScreener> LazyScreener = new(() => CrisisScreener.TrainDefault(Lazy.Value));

    private static readonly Lazy<QuestionClassifier> LazyClassifier = new(() => new QuestionClassifier(new Recogniser(Lazy.Value, new TextAnalysis(), corpus: TrainingCorpus.LoadDefault(Lazy.Value)), LazyScreener.Value));

    public static KnowledgeBase Base => Lazy.Value;

    public static QuestionClassifier Classifier => LazyClassifier.Value;

    public static CrisisScreener Screener => LazyScreener.Value;
}
