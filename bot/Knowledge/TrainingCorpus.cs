using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>One message of the topic corpus: what someone might write, and the topic a second reader agreed on.</summary>
public sealed record CorpusMessage(string Topic, Language Language, string Text);

/// <summary>
/// The topic training corpus (<c>Content/training/topics/&lt;topic&gt;.tsv</c>, issue 17): thousands of messages written
/// from personas, kept apart from the answers so editors see answers, not examples. The recogniser's model learns
/// from it next to the content's own examples; nothing in it is ever shown to a user.
/// </summary>
public sealed class TrainingCorpus
{
    public static readonly TrainingCorpus Empty = new([]);

    public TrainingCorpus(IReadOnlyList<CorpusMessage> messages) => Messages = messages;

    public IReadOnlyList<CorpusMessage> Messages { get; }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Content", "training", "topics");

    /// <summary>Reads every <c>&lt;topic&gt;.tsv</c> whose name is a known topic id; other files are ignored.</summary>
    public static TrainingCorpus Load(string directory, IReadOnlySet<string> topicIds)
    {
        if (!Directory.Exists(directory))
        {
            return Empty;
        }

        var messages = new List<CorpusMessage>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.tsv").Order(StringComparer.Ordinal))
        {
            var topic = Path.GetFileNameWithoutExtension(file);
            if (!topicIds.Contains(topic))
            {
                continue;
            }

            foreach (var fields in CrisisScreener.Rows(file, 2))
            {
                var language = fields[0].Trim() switch
                {
                    "nl" => Language.Nl,
                    "en" => Language.En,
                    _ => (Language?)null,
                };
                if (language is { } l)
                {
                    messages.Add(new CorpusMessage(topic, l, fields[1].Trim()));
                }
            }
        }

        return new TrainingCorpus(messages);
    }

    /// <summary>Messages per topic and language below which the corpus is not used by the recogniser.</summary>
    public const int MinimumPerTopicAndLanguage = 150;

    public static TrainingCorpus LoadDefault(KnowledgeBase knowledge) =>
        Load(DefaultDirectory, knowledge.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// True when every topic but crisis has enough messages in both languages. A corpus for only some topics pulls the
    /// model towards those (measured on the older held-out sets: 92 % → 86–89 % with 10 of 22 topics), so the
    /// recogniser learns from it only once it is complete; the crisis screener always uses it as ordinary messages.
    /// </summary>
    public bool Covers(KnowledgeBase knowledge) =>
        knowledge.Topics.Where(t => t.Id != TopicIds.Crisis).All(t =>
            Messages.Count(m => m.Topic == t.Id && m.Language == Language.Nl) >= MinimumPerTopicAndLanguage
            && Messages.Count(m => m.Topic == t.Id && m.Language == Language.En) >= MinimumPerTopicAndLanguage);
}
