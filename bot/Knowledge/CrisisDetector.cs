using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VpWijzer.Knowledge;

/// <summary>
/// Recognises signs of acute danger or suicidal thoughts. It runs before anything else on every
/// message and is tuned for recall: when in doubt, the emergency routes are shown
/// (PRODUCT.md principle 5). Patterns work on lower-cased, accent-free text.
/// </summary>
public static partial class CrisisDetector
{
    public static bool IsCrisis(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Normalize(text);
        if (SuicideOrSelfHarm().IsMatch(normalized) || AcuteAlways().IsMatch(normalized))
        {
            return true;
        }

        return Threat().IsMatch(normalized) && Immediacy().IsMatch(normalized);
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

    // Suicide and self-harm, Dutch and English, explicit and common indirect phrasings.
    [GeneratedRegex(
        @"zelfmoord|zelf ?moord|suicid|zelfdoding|zelf ?doding|\bsuicide|selfharm|self[- ]harm|zelfbeschadig|zelf ?beschadig" +
        @"|\b(een )?eind(e)? (aan|van) (mijn|m'n|mn|m n|het|me) (leven|bestaan)|er een eind(e)? aan (te )?(maken|make|gemaakt)|er (zelf )?(een )?einde aan" +
        @"|uit het leven (te )?(stappen|gaan)|\bmijn leven (te )?(beeindigen|nemen)|leven beeindigen" +
        @"|\b(wil|wou|zou|ga|kan) (echt )?(niet|nie) (meer|langer) (leven|verder|bestaan|door)|niet meer (willen |wil )?leven|geen zin (meer )?(om|in) (te )?leven|het leven (heeft|is) geen zin" +
        @"|\bwil (gewoon )?dood\b|\bdood (willen|wil) (zijn|gaan)|\bwou dat ik dood (was|ben)|\bliever dood\b|\bniet meer wakker (te )?worden" +
        @"|\b(mezelf|mijzelf|me) (iets|wat|van kant|pijn) (aan ?(te )?doen|maken|te maken)|\bmezelf (van kant|snijden|snij|pijn doen|beschadigen|ophangen)|\bmezelf iets aandoen" +
        @"|\bik zie het (echt |allemaal |gewoon )?(niet|nie) meer zitten|\bwil er (gewoon )?(niet|nie) meer zijn|\ber (gewoon |echt |liever )?(niet|nie) meer (willen |wil )?zijn\b|iedereen (is )?beter af zonder (mij|me)|\bafscheidsbrief" +
        @"|\b(alle|al mijn|een hoop|te veel) (pillen|pilletjes|medicijnen|slaappillen)|\bvoor de trein (springen|gaan|spring)|\bvan (een|het|de) (flat|dak|brug) (springen|af springen)" +
        @"|kill (myself|my self|meself)|\bend (my|it all|my own) (life|lives)|\bend it all\b|\btake my (own )?life|\bwant to die\b|\bwanna die\b|\bwish i (was|were) dead|\bbetter off (dead|without me)" +
        @"|\b(don'?t|do not|dont) want to (live|be alive|exist|be here)( anymore| any more)?\b|\bno (reason|point) (in |to )?(living|live|go on)|\bcan'?t go on\b|\bnot worth living" +
        @"|\b(hurt|hurting|harm|harming|cut|cutting) (myself|my self)|\bsuicidal|\bending my life|\bnot want to wake up|\bwant to disappear forever",
        RegexOptions.CultureInvariant)]
    private static partial Regex SuicideOrSelfHarm();

    // Always acute: weapons, rape, calls for help now.
    [GeneratedRegex(
        @"\b(heeft|had|met|pakt|trekt) (een )?(mes|pistool|vuurwapen|wapen)\b|\bverkracht|\b(has|had|with|pulled) (a )?(knife|gun|weapon)\b|\braped?\b" +
        @"|\bik ben (nu |op dit moment )?in (acuut )?gevaar|\bi am (in )?danger now|\bi'?m in danger\b|\bin (acute|immediate) danger" +
        @"|\bhelp( me)?[!]* ?(nu|snel|alsjeblieft)[!]*$|\bhelp me now\b|\bmoet ik (de )?(politie|112) bellen|\bshould i call (the police|112|911)",
        RegexOptions.CultureInvariant)]
    private static partial Regex AcuteAlways();

    [GeneratedRegex(
        @"bedreig|dreigt|dreigen|(^|\s)sla(at|an)?\b|geslagen|aangevallen|valt (me|mij) aan|mishandel|schopt|schoppen|achtervolg|stalk|vermoorden|dood (maken|slaan)|pijn doen|aanrand|aangerand|bang dat (hij|zij|ze) (me|mij)" +
        @"|threaten|\bhit(ting)? me|\bhurt(ing)? me|attack|beat(ing)? me|following me|stalking|kill me|going to hurt",
        RegexOptions.CultureInvariant)]
    private static partial Regex Threat();

    [GeneratedRegex(
        @"\bnu\b(?! al\b)(?!.{0,20}\b(weken|maanden|jaar|jaren|dagen|tijdje)\b)|\bop dit moment\b|\bnet (nog )?(gebeurd|geslagen|bedreigd)|\bzojuist\b|\bvoor (mijn|m'n|de) (deur|huis|raam)|\bbij mij (thuis|voor de deur)|\bbuiten (mijn|m'n) (huis|deur)|\bstaat hier\b|\bachter me aan\b|\bvanavond\b" +
        @"|\bright now\b|\bat my (door|house|home)\b|\boutside my (door|house|home)\b|\bjust now\b|\bis here\b|\bcoming (for|after) me\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Immediacy();
}
