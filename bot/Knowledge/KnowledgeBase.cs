using System.Collections.Frozen;
using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>
/// One topic's text in one language, with organisation contacts already filled in. <see cref="Answer"/> is the first
/// chat bubble; <see cref="More"/> (often empty) is shown only when the user opens "Meer uitleg", so answers stay short
/// for someone reading in a difficult moment.
/// </summary>
public sealed record TopicText(
    string Title,
    string Summary,
    IReadOnlyList<string> Answer,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Examples)
{
    public IReadOnlyList<string> More { get; init; } = [];

    /// <summary>The first bubble and the "Meer uitleg" part together, in reading order.</summary>
    public IEnumerable<string> AllParagraphs => Answer.Concat(More);
}

public sealed record Topic(string Id, IReadOnlyList<string> FollowUps, TopicText Nl, TopicText En)
{
    public TopicText Text(Language language) => language == Language.En ? En : Nl;
}

/// <summary>All topics, loaded and validated once at startup.</summary>
public sealed class KnowledgeBase(IReadOnlyList<Topic> topics)
{
    private readonly FrozenDictionary<string, Topic> _byId = topics.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);

    public IReadOnlyList<Topic> Topics { get; } = topics;

    public Topic this[string id] => _byId[id];

    public bool TryGet(string id, out Topic topic) => _byId.TryGetValue(id, out topic!);
}
