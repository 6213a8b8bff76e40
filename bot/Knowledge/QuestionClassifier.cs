using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>
/// What the bot and <c>kb ask</c> both use: the crisis screener first (acute always wins), then the
/// recogniser. The recogniser's own crisis guess counts too, when it is sure enough and names a danger.
/// </summary>
public sealed class QuestionClassifier(Recogniser recogniser, CrisisScreener screener)
{
    /// <summary>Recogniser confidence above which its "crisis" guess, with a word of danger, is acute.</summary>
    public const double RecognisedCrisisConfidence = 0.45;

    /// <summary>Below this confidence the bot asks which topic was meant.</summary>
    public const double ClarifyBelow = 0.35;

    /// <param name="text">What the person typed.</param>
    /// <param name="fallbackLanguage">The language to assume when the text does not tell.</param>
    /// <param name="safety">What the screener already said about this very text (the crisis middleware), or null to run it here.</param>
    public Recognition Classify(string text, Language fallbackLanguage, SafetyAssessment? safety = null)
    {
        var recognition = recogniser.Recognise(text, fallbackLanguage);
        safety ??= screener.Assess(text);
        recognition = recognition with { Safety = safety };
        if (safety.Level == SafetyLevel.Acute)
        {
            return recognition with { Topic = TopicIds.Crisis, Confidence = 1.0 };
        }

        // `crisis` is the screener's call alone (the kb ask contract): when the topic recogniser leans to it anyway, the
        // message gets at least the possible level (the routes first and the direct question) and its next-best topic.
        var alternatives = recognition.Alternatives.Where(a => a != TopicIds.Crisis).ToList();
        if (recognition.Topic == TopicIds.Crisis && recognition.Confidence >= RecognisedCrisisConfidence && CrisisDetector.HasDangerCue(text))
        {
            // The floor from before the screener: the recogniser sure of crisis, with a word of danger, death or harm.
            return recognition with { Topic = TopicIds.Crisis, Confidence = 1.0, Alternatives = alternatives, Safety = safety with { Level = SafetyLevel.Acute } };
        }

        if (recognition.Topic == TopicIds.Crisis)
        {
            return recognition with
            {
                Topic = alternatives.Count > 0 ? alternatives[0] : TopicIds.None,
                Confidence = Math.Min(recognition.Confidence, ClarifyBelow - 0.01),
                Alternatives = alternatives.Skip(1).ToList(),
                Safety = safety.Level == SafetyLevel.None ? safety with { Level = SafetyLevel.Possible } : safety,
            };
        }

        return alternatives.Count == recognition.Alternatives.Count ? recognition : recognition with { Alternatives = alternatives };
    }
}
