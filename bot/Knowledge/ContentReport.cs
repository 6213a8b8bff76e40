using System.Globalization;
using System.Text.RegularExpressions;
using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>Length and readability of one topic's first chat bubble in one language, as <c>kb check</c> reports it.</summary>
public sealed record TopicMeasure(
    string TopicId,
    Language Language,
    int Words,
    int Sentences,
    int Syllables,
    int MoreWords,
    int FollowUps,
    IReadOnlyList<string> UnfilledPlaceholders,
    IReadOnlyList<string> Links)
{
    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;

    /// <summary>
    /// Dutch: Flesch–Douma (Douma 1960), 206.835 − 0.93 × words/sentence − 77 × syllables/word. English: Flesch reading
    /// ease, 206.835 − 1.015 × words/sentence − 84.6 × syllables/word. Higher is easier; about 60 and up is plain language.
    /// </summary>
    public double Readability => Words == 0
        ? 0
        : Language == Language.En
            ? 206.835 - (1.015 * WordsPerSentence) - (84.6 * SyllablesPerWord)
            : 206.835 - (0.93 * WordsPerSentence) - (77 * SyllablesPerWord);
}

/// <summary>
/// Measures every answer the way a reader meets it (placeholders filled, markdown removed) and checks the limits that
/// keep answers readable in a vulnerable moment: a Dutch first bubble of at most <see cref="MaxDutchWords"/> words and
/// at most <see cref="ContentLoader.MaxFollowUps"/> follow-up buttons.
/// </summary>
public static partial class ContentReport
{
    public const int MaxDutchWords = 120;

    public static IReadOnlyList<TopicMeasure> Measure(KnowledgeBase knowledge) =>
        knowledge.Topics
            .SelectMany(t => new[] { Language.Nl, Language.En }.Select(l => Measure(t, l)))
            .ToList();

    public static TopicMeasure Measure(Topic topic, Language language)
    {
        var text = topic.Text(language);
        var first = string.Join("\n", text.Answer);
        var plain = Plain(first);
        var words = Words(plain);
        var all = string.Join("\n", text.AllParagraphs.Append(text.Title).Append(text.Summary));
        return new TopicMeasure(
            topic.Id,
            language,
            words.Count,
            CountSentences(plain),
            words.Sum(w => CountSyllables(w, language)),
            Words(Plain(string.Join("\n", text.More))).Count,
            topic.FollowUps.Count,
            PlaceholderPattern().Matches(all).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList(),
            LinkPattern().Matches(all).Select(m => m.Groups["url"].Value).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>What breaks a limit; empty when the content is within them.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<TopicMeasure> measures)
    {
        var problems = new List<string>();
        foreach (var m in measures)
        {
            var tag = $"{m.TopicId} ({(m.Language == Language.En ? "en" : "nl")})";
            if (m.Language == Language.Nl && m.Words > MaxDutchWords)
            {
                problems.Add($"{tag}: the first bubble has {m.Words} words; at most {MaxDutchWords}. Move the rest to \"more\".");
            }

            if (m.FollowUps > ContentLoader.MaxFollowUps)
            {
                problems.Add($"{tag}: {m.FollowUps} follow-ups; at most {ContentLoader.MaxFollowUps} plus Menu.");
            }

            if (m.UnfilledPlaceholders.Count > 0)
            {
                problems.Add($"{tag}: unfilled placeholder(s) {string.Join(", ", m.UnfilledPlaceholders)}.");
            }
        }

        return problems;
    }

    /// <summary>One line per topic and language, for people: the numbers, then the links.</summary>
    public static string FormatLine(TopicMeasure m) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{m.TopicId,-20} {(m.Language == Language.En ? "en" : "nl")} {m.Words,5} {m.Sentences,4} {m.WordsPerSentence,6:0.0} {m.Readability,6:0} {m.MoreWords,5} {m.FollowUps,3} {(m.UnfilledPlaceholders.Count == 0 ? "-" : string.Join(",", m.UnfilledPlaceholders)),-4} {(m.Links.Count == 0 ? "-" : string.Join(" ", m.Links))}");

    public const string Header = "topic                lang words sent. w/sent  read.  more fu. ph.  links";

    /// <summary>Answer markdown as it reads: link targets, emphasis markers and list bullets removed.</summary>
    public static string Plain(string markdown)
    {
        var text = LinkPattern().Replace(markdown, m => m.Groups["text"].Value);
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return BulletPattern().Replace(text, string.Empty);
    }

    public static IReadOnlyList<string> Words(string plain) =>
        WordPattern().Matches(plain).Select(m => m.Value).ToList();

    /// <summary>Sentences end at . ! ? or a line break (a list item reads as one sentence).</summary>
    public static int CountSentences(string plain) =>
        SentenceSplit().Split(plain).Count(s => WordPattern().IsMatch(s));

    /// <summary>Vowel groups, with Dutch "ij" as one vowel and an English silent final "e"; at least one per word.</summary>
    public static int CountSyllables(string word, Language language)
    {
        var w = word.ToLowerInvariant();
        if (!w.Any(char.IsLetter))
        {
            return 1;
        }

        // A diaeresis starts a new syllable (ideeën, geïnteresseerd, reünie).
        w = language == Language.En
            ? EnglishSilentE().Replace(w, string.Empty)
            : w.Replace("ij", "y", StringComparison.Ordinal).Replace("ë", "-e", StringComparison.Ordinal).Replace("ï", "-i", StringComparison.Ordinal).Replace("ö", "-o", StringComparison.Ordinal).Replace("ü", "-u", StringComparison.Ordinal);
        var groups = VowelGroups().Count(w);
        return Math.Max(1, groups);
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?m)^\s*(?:-|\d+\.)\s+")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"[aeiouyàáâäèéêìíîòóôùúû]+")]
    private static partial Regex VowelGroups();

    [GeneratedRegex(@"(?<=\p{L}[^aeiouyl])e$|(?<=\p{L}[^aeiouy])e[sd]$")]
    private static partial Regex EnglishSilentE();
}
