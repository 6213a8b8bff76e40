using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>
/// What the bot and <c>kb ask</c> both use: the crisis detector first (it always wins), then the
/// recogniser. The recogniser's own crisis examples count too, when it is sure enough.
/// </summary>
public sealed class QuestionClassifier(Recogniser recogniser)
{
    /// <summary>Recogniser confidence above which its "crisis" guess is trusted without a pattern match.</summary>
    public const double RecognisedCrisisConfidence = 0.45;

    /// <summary>Below this confidence the bot asks which topic was meant.</summary>
    public const double ClarifyBelow = 0.35;

    /// <param name="text">What the person typed.</param>
    /// <param name="fallbackLanguage">The language to assume when the text does not tell.</param>
    /// <param name="crisisRuledOut">True only when <see cref="CrisisDetector.IsCrisis"/> already returned false for this very text.</param>
    public Recognition Classify(string text, Language fallbackLanguage, bool crisisRuledOut = false)
    {
        var recognition = recogniser.Recognise(text, fallbackLanguage);
        if (!crisisRuledOut && CrisisDetector.IsCrisis(text))
        {
            return recognition with { Topic = TopicIds.Crisis, Confidence = 1.0 };
        }

        if (recognition.Topic == TopicIds.Crisis
            && (recognition.Confidence < RecognisedCrisisConfidence || !CrisisDetector.HasDangerCue(text)))
        {
            // Not sure enough to call it a crisis, but never hide the option: ask, with the crisis routes first.
            var alternatives = new List<string> { TopicIds.Crisis };
            alternatives.AddRange(recognition.Alternatives.Where(a => a != TopicIds.Crisis));
            return recognition with
            {
                Topic = recognition.Alternatives.Count > 0 ? recognition.Alternatives[0] : TopicIds.None,
                Confidence = Math.Min(recognition.Confidence, ClarifyBelow - 0.01),
                Alternatives = alternatives,
            };
        }

        return recognition;
    }
}
