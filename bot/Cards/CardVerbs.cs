using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Cards;

/// <summary>Every verb a card of ours can send, each bound to its payload type.</summary>
public static class CardVerbs
{
    public static readonly Verb<NoPayload> Menu = new("core.menu");
    public static readonly Verb<NoPayload> Help = new("core.help");
    public static readonly Verb<NoPayload> Stop = new("core.stop");
    public static readonly Verb<LanguagePayload> SetLanguage = new("core.language");
    public static readonly Verb<TopicPayload> ShowTopic = new("kb.topic");
    public static readonly Verb<NoPayload> StartSelfCheck = new("selfcheck.start");
    public static readonly Verb<SelfCheckAnswerPayload> SelfCheckAnswer = new("selfcheck.answer");
    public static readonly Verb<NoPayload> TalkToVp = new("booking.start");
}

/// <param name="Language">The language to switch to.</param>
/// <param name="Topic">When set, the answer to show again in the new language.</param>
public sealed record LanguagePayload(Language Language, string? Topic = null);

public sealed record TopicPayload(string Topic);

public sealed record SelfCheckAnswerPayload(int Step, string Answer);
