using System.Collections.Frozen;
using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>One topic's text in one language, with organisation contacts already filled in.</summary>
public sealed record TopicText(
    string Title,
    string Summary,
    IReadOnlyList<string> Answer,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Examples);

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
