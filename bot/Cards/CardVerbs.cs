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
    public static readonly Verb<SafetyAnswerPayload> SafetyAnswer = new("safety.answer");
    public static readonly Verb<NoPayload> TalkToVp = new("booking.start");
    public static readonly Verb<NoPayload> BookingContinue = new("booking.continue");
    public static readonly Verb<ConsentPayload> BookingConsent = new("booking.consent");
    public static readonly Verb<GalleryFilterPayload> BookingFilter = new("booking.filter");
    public static readonly Verb<VpChoicePayload> BookingChooseVp = new("booking.vp");
    public static readonly Verb<NoPayload> BookingFirstAvailable = new("booking.first-available");
    public static readonly Verb<ModePayload> BookingMode = new("booking.mode");
    public static readonly Verb<SlotChoicePayload> BookingSlot = new("booking.slot");
    public static readonly Verb<VisibilityPayload> BookingVisibility = new("booking.visibility");
    public static readonly Verb<SharePayload> BookingShare = new("booking.share");
    public static readonly Verb<BookingRefPayload> BookingConfirm = new("booking.confirm");
    public static readonly Verb<BackPayload> BookingBack = new("booking.back");
    public static readonly Verb<BookingRefPayload> BookingCancel = new("booking.cancel");
    public static readonly Verb<BookingRefPayload> BookingCancelConfirmed = new("booking.cancel-confirmed");
    public static readonly Verb<BookingRefPayload> BookingKeep = new("booking.keep");
    public static readonly Verb<BookingRefPayload> BookingReschedule = new("booking.reschedule");
    public static readonly Verb<BookingRefPayload> BookingAcceptProposal = new("booking.accept-proposal");
    public static readonly Verb<BookingRefPayload> BookingChooseOtherVp = new("booking.choose-other-vp");

    public static readonly Verb<BookingRefPayload> HandoffRefresh = new("handoff.refresh");
    public static readonly Verb<BookingRefPayload> HandoffConfirm = new("handoff.confirm");
    public static readonly Verb<BookingRefPayload> HandoffPropose = new("handoff.propose");
    public static readonly Verb<HandoffSlotPayload> HandoffProposeSlot = new("handoff.propose-slot");
    public static readonly Verb<BookingRefPayload> HandoffRefer = new("handoff.refer");
    public static readonly Verb<BookingRefPayload> HandoffCancel = new("handoff.cancel");
    public static readonly Verb<NoPayload> VpHome = new("vp.home");
    public static readonly Verb<NoPayload> BookingAsEmployee = new("booking.as-employee");
}

public sealed record HandoffSlotPayload(string BookingId, string SlotId);

public sealed record ConsentPayload(bool Consent);

/// <summary>Gallery filter inputs; every value is checked against our fixed lists before use.</summary>
public sealed record GalleryFilterPayload(string? FilterGender = null, string? FilterLanguage = null, string? FilterKind = null, string? FilterFocus = null, string? FilterOutside = null);

public sealed record VpChoicePayload(string VpId);

public sealed record ModePayload(string Mode);

public sealed record SlotChoicePayload(string SlotId);

public sealed record VisibilityPayload(bool Anonymous);

/// <summary>Optional sharing inputs: a topic id from our list and a language code, never free text.</summary>
public sealed record SharePayload(string? ShareTopic = null, string? ShareLanguage = null);

public sealed record BookingRefPayload(string BookingId);

public sealed record BackPayload(int ToStep);

/// <param name="Language">The language to switch to.</param>
/// <param name="Topic">When set, the answer to show again in the new language.</param>
public sealed record LanguagePayload(Language Language, string? Topic = null);

public sealed record TopicPayload(string Topic);

public sealed record SelfCheckAnswerPayload(int Step, string Answer);

/// <param name="InDanger">The answer to "ben je nu in gevaar?": true, false, or missing (a tampered button).</param>
/// <param name="Other">True when the question was about someone else.</param>
public sealed record SafetyAnswerPayload(bool? InDanger, bool Other = false);
