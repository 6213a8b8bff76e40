using System.Globalization;
using System.Text;

namespace VpWijzer.Knowledge;

/// <summary>
/// Recognises signs of acute danger or suicidal thoughts. It runs before anything else on every
/// message and is tuned for recall: when in doubt, the emergency routes are shown
/// (PRODUCT.md principle 5). Patterns work on lower-cased, accent-free text.
/// </summary>
/// <summary>What the patterns say of a message, before the model: see <see cref="CrisisDetector.FloorOf"/>.</summary>
public enum PatternFloor
{
    None,

    /// <summary>The words of the topic alone, or a threat placed in the past: a floor only when the model backs it.</summary>
    Weak,

    /// <summary>A sign of danger: at least possible, acute unless the model is sure it is not.</summary>
    Strong,

    /// <summary>Pills taken in an amount, someone collapsed or not breathing: acute whatever the model says.</summary>
    Acute,
}

public static partial class CrisisDetector
{
    public static bool IsCrisis(string text) => FloorOf(text) != PatternFloor.None;

    /// <summary>
    /// Which floor the patterns give: <see cref="PatternFloor.Acute"/> for an overdose or a medical emergency now,
    /// <see cref="PatternFloor.Strong"/> for another sign of danger now, <see cref="PatternFloor.Weak"/> for the words of
    /// the topic alone or a threat placed in the past, which the model's score must back.
    /// </summary>
    public static PatternFloor FloorOf(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PatternFloor.None;
        }

        var normalized = Normalize(text);
        if (PillsNow(normalized) || MedicalEmergency(normalized))
        {
            return PatternFloor.Acute;
        }

        if ((SureMeans().IsMatch(normalized) || SureSigns().IsMatch(normalized) || SureSignsLookAhead().IsMatch(normalized)) && !OverOrNotReal(normalized))
        {
            return PatternFloor.Acute;
        }

        if ((GivingAway().IsMatch(normalized) && !OrdinaryReason().IsMatch(normalized)) || SuicideOrSelfHarm().IsMatch(normalized) || SuicideOrSelfHarmLookAhead().IsMatch(normalized) || FarewellOrOverdose().IsMatch(normalized) || AcuteAlways().IsMatch(normalized) || AcuteNow().IsMatch(normalized)
            || WarningSigns().IsMatch(normalized) || AfterImGone().IsMatch(normalized) || OtherSuicidal().IsMatch(normalized) || MoreSigns().IsMatch(normalized) || DeniedOrdinaryReason().IsMatch(normalized) || (JumpInFront().IsMatch(normalized) && !Hypothetical().IsMatch(normalized)))
        {
            return PatternFloor.Strong;
        }

        var longAgo = LongAgo().IsMatch(normalized);
        if (ViolentThreat().IsMatch(normalized) && !longAgo)
        {
            return PatternFloor.Strong;
        }

        if (Threat().IsMatch(normalized) && Immediacy().IsMatch(normalized))
        {
            return longAgo ? PatternFloor.Weak : PatternFloor.Strong;
        }

        return TopicWord().IsMatch(normalized) ? PatternFloor.Weak : PatternFloor.None;
    }

    /// <summary>
    /// True when the text has at least one word of danger, death, self-harm or violence. The recogniser's
    /// own "crisis" guess is only trusted with such a word: "ik wil niet meer naar mijn werk" is distress
    /// about work, and gets the crisis routes offered first instead of shown as the answer.
    /// </summary>
    public static bool HasDangerCue(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Normalize(text);
        return DangerCue().IsMatch(normalized) && !LongAgo().IsMatch(normalized);
    }

    /// <summary>
    /// True when a goodbye or "affairs in order" has an ordinary reason in the same message (a new job, retirement, the end
    /// of a contract or internship, a handover, leave, a holiday, an operation, a move) or "dood" is an idiom ("doodmoe",
    /// "dead tired"), and nothing else in it speaks of danger. The screener then gives at most the possible level: the
    /// emergency lines still come first, with the direct question, but not the crisis card in place of the answer
    /// (issue 15: farewells for a new job were the largest share of false acute).
    /// </summary>
    public static bool HasOrdinaryReason(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Normalize(text);
        var withoutIdioms = DeathIdiom().Replace(normalized, " ");
        var idiom = !string.Equals(withoutIdioms, normalized, StringComparison.Ordinal);
        return (idiom || OrdinaryReason().IsMatch(withoutIdioms)) && !HardDangerCue().IsMatch(withoutIdioms);
    }

    /// <summary>
    /// True for the hyperbole of issue 15's hard negatives, the words of suicide under a condition of everyday annoyance
    /// ("als ik nog één keer dat liedje hoor", "if i have to sit through one more meeting"), and for those words explicitly
    /// denied ("ik denk niet aan mezelf iets aandoen hoor"). The screener then gives at
    /// most the possible level, whatever the patterns say: the lines and the direct question stay, the crisis card does not
    /// replace the answer.
    /// </summary>
    public static bool IsHyperboleOrDenial(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Normalize(text);
        return Hyperbole().IsMatch(normalized) || Denial().IsMatch(normalized) || NotReal(normalized) || IdiomOnly(normalized);
    }

    /// <summary>
    /// Seen in the news, a film or a game, asked for a first-aid or BHV course, or said as a joke the other did not mean:
    /// the danger is not happening to anyone here, unless the message also speaks of now or of a wish to die.
    /// </summary>
    private static bool NotReal(string normalized) =>
        NotRealMarker().IsMatch(normalized) && !Immediacy().IsMatch(normalized) && !NowWord().IsMatch(normalized) && !PresentWish().IsMatch(normalized)
        && !WarningSigns().IsMatch(normalized) && !AfterImGone().IsMatch(normalized);

    /// <summary>A word of death, means, harm or despair, a time after the writer, a plan (see HardDangerCue).</summary>
    internal static bool HasHardDangerCue(string text) => HardDangerCue().IsMatch(Normalize(text));

    /// <summary>The text with its idioms of death taken out ("doodmoe", "dead tired", "zuigt het leven uit me"), normalised; null when it has none.</summary>
    public static string? WithoutDeathIdioms(string text)
    {
        var normalized = Normalize(text);
        var plain = DeathIdiom().Replace(normalized, " ");
        return string.Equals(plain, normalized, StringComparison.Ordinal) ? null : plain;
    }

    /// <summary>"Dood" or "zelfmoord" only in an idiom ("doodmoe", "mijn laptop heeft zelfmoord gepleegd"), no danger word left.</summary>
    private static bool IdiomOnly(string normalized)
    {
        var withoutIdioms = DeathIdiom().Replace(normalized, " ");
        return !string.Equals(withoutIdioms, normalized, StringComparison.Ordinal) && !HardDangerCue().IsMatch(withoutIdioms) && !TopicWord().IsMatch(withoutIdioms);
    }

    /// <summary>What keeps a sure sign from the acute floor: it is over, or it is not real (see <see cref="IsOverAndDone"/>).</summary>
    private static bool OverOrNotReal(string normalized) =>
        NotReal(normalized) || IsOverAndDone(normalized) || Hyperbole().IsMatch(normalized) || Denial().IsMatch(normalized) || Joke().IsMatch(normalized);

    /// <summary>
    /// True when the message places what happened clearly in the past ("vorige maand", "last week", "jaren geleden") or says
    /// it is over ("het is voorbij", "it's over now"), and nothing in it says it is happening now, again, still, or next
    /// ("nu", "vanavond", "weer", "nog steeds", "this time", "ik ga", "since"), nor a wish to die in the present tense.
    /// The screener then gives at most the possible level: the emergency lines and the direct question stay, but a knife
    /// at the counter last month no longer gets the crisis card in place of the answer (issue 15: past events were the
    /// largest share of false acute left in the topic sets).
    /// </summary>
    public static bool IsOverAndDone(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Normalize(text);
        var past = LongAgo().IsMatch(normalized) || Behind().IsMatch(normalized) || Over().IsMatch(normalized);
        if (!past)
        {
            return false;
        }

        // "It's over now": the "now" of "over now" is not a now.
        var rest = Over().Replace(normalized, " ");
        return !Immediacy().IsMatch(rest) && !Again().IsMatch(rest) && !NowOrNext().IsMatch(rest) && !PresentWish().IsMatch(rest)
            && !WarningSigns().IsMatch(rest) && !FarewellOrOverdose().IsMatch(rest) && !AfterImGone().IsMatch(rest);
    }

    /// <summary>Lower case, accents removed, apostrophes unified, white space folded.</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Cheapest test first: most messages name no medication and no collapse, and stop there.
    private static bool PillsNow(string normalized)
    {
        if (!MedicationWord().IsMatch(normalized))
        {
            return false;
        }

        var pills = (PillAmount().IsMatch(normalized) && Taken().IsMatch(normalized)) || (Overdose().IsMatch(normalized) && !Joke().IsMatch(normalized));
        return pills && !((Behind().IsMatch(normalized) || LongAgo().IsMatch(normalized)) && !Again().IsMatch(normalized));
    }

    private static bool MedicalEmergency(string normalized) =>
        (NotBreathing().IsMatch(normalized) || (Collapse().IsMatch(normalized) && Urgency().IsMatch(normalized)))
        && !LongAgo().IsMatch(normalized) && !Behind().IsMatch(normalized) && !Joke().IsMatch(normalized) && !Exercise().IsMatch(normalized);
}
