using VpWijzer.Knowledge;
using VpWijzer.State;

namespace VpWijzer.Tests.Knowledge;

/// <summary>The shipped answers stay within the limits <c>kb check</c> enforces, so CI catches a bubble that grows too long.</summary>
public sealed class ContentReportTests
{
    [Fact]
    public void Problems_ShippedContent_None()
    {
        var kb = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions()).KnowledgeBase!;

        var problems = ContentReport.Problems(ContentReport.Measure(kb));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Measure_ShippedContent_EveryTopicInBothLanguages()
    {
        var kb = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions()).KnowledgeBase!;

        var measures = ContentReport.Measure(kb);

        Assert.Equal(kb.Topics.Count * 2, measures.Count);
        Assert.All(measures, m => Assert.True(m.Words > 0, $"{m.TopicId} {m.Language}"));
        Assert.All(measures.Where(m => m.Language == Language.Nl), m => Assert.InRange(m.Words, 1, ContentReport.MaxDutchWords));
    }
}
