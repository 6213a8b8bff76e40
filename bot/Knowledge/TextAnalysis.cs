using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;
using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>
/// Turns text into the features the recogniser compares: Lucene's standard tokenizer, lower
/// case and accent folding, then per language stop words and the Snowball stemmer.
/// </summary>
public sealed class TextAnalysis : IDisposable
{
    // Small stop lists on purpose: words like "niet", "geen", "meer", "zelf" carry meaning here.
    private static readonly HashSet<string> DutchStop =
    [
        "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "dit", "deze", "er", "is", "zijn", "was", "ben", "bent",
        "je", "jij", "jou", "u", "ik", "me", "mij", "mijn", "m", "we", "wij", "ze", "zij", "hij", "hem", "haar", "hun", "ons", "onze",
        "aan", "met", "voor", "om", "als", "dan", "of", "maar", "ook", "nog", "wel", "al", "zo", "toch", "eigenlijk", "even", "heel",
        "wat", "hoe", "waar", "wie", "welke", "kan", "kun", "kunnen", "mag", "wil", "wilt", "moet", "zou", "heb", "hebt", "heeft", "hebben",
        "word", "wordt", "worden", "werd", "gaat", "ga", "bij", "naar", "uit", "over", "tot", "door", "dus", "nu", "hier",
        "eens", "maar", "gewoon", "echt", "even", "soms", "daar", "dan", "er", "hoor", "zeg", "ofzo",
    ];

    private static readonly HashSet<string> EnglishStop =
    [
        "the", "a", "an", "and", "of", "in", "on", "to", "that", "this", "these", "there", "is", "are", "was", "were", "be", "been", "am",
        "you", "your", "i", "me", "my", "we", "our", "they", "them", "their", "he", "him", "his", "she", "her", "it", "its",
        "at", "with", "for", "as", "if", "then", "or", "but", "also", "still", "so", "just", "really", "very",
        "what", "how", "where", "who", "which", "can", "could", "may", "might", "want", "should", "would", "will", "have", "has", "had",
        "did", "get", "got", "by", "from", "about", "into", "now", "here", "some", "any",
    ];

    private static readonly HashSet<string> DutchFunctionWords =
    [
        "ik", "je", "jij", "mijn", "m'n", "de", "het", "een", "is", "dat", "niet", "wat", "hoe", "met", "van", "en", "op", "te", "voor",
        "er", "maar", "ook", "mag", "kan", "wil", "heb", "word", "wordt", "bij", "naar", "als", "dit", "die", "zijn", "mij", "geen",
        "nog", "wel", "om", "aan", "uit", "over", "wie", "waar", "waarom", "hij", "zij", "ze", "we", "wij", "jullie", "moet", "zou",
        "welke", "iemand", "collega", "leidinggevende", "mijnheer", "hoi", "hallo", "dag", "bedankt", "dank", "alsjeblieft", "graag", "mee",
    ];

    private static readonly HashSet<string> EnglishFunctionWords =
    [
        "i", "you", "my", "the", "a", "an", "are", "that", "not", "what", "how", "with", "and", "on", "to", "for", "there",
        "but", "also", "may", "can", "want", "have", "do", "does", "at", "if", "this", "it", "me", "no", "who", "where", "why", "he",
        "she", "they", "we", "your", "am", "was", "been", "should", "would", "about", "from", "someone", "anyone", "colleague",
        "manager", "hello", "hi", "thanks", "thank", "please", "i'm", "im", "don't", "dont", "can't", "cant", "keeps", "being", "which",
    ];

    private readonly Analyzer _plain = new PlainAnalyzer();

    /// <summary>Lower-cased, accent-folded words, in order (no stemming, no stop words).</summary>
    public List<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = _plain.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    private static readonly HashSet<string> DutchParticles =
    [
        "uit", "op", "aan", "af", "mee", "in", "door", "over", "terug", "weg", "buiten", "na", "toe", "om", "bij", "neer", "binnen", "lastig", "voor",
    ];

    private static readonly HashSet<string> RoleTriggers = ["als", "ben", "as", "am", "im", "i'm"];
    private static readonly HashSet<string> Articles = ["een", "de", "het", "a", "an", "the"];

    /// <summary>"als", "ik ben", "as", "I'm": the next content word says who the writer is ("als leidinggevende").</summary>
    public static bool IsRoleTrigger(string word) => RoleTriggers.Contains(word);

    private static readonly HashSet<string> FirstPersonObjects = ["me", "mij", "mezelf", "mijzelf", "myself"];

    /// <summary>"me", "mij", "myself": the writer is the one it happens to.</summary>
    public static bool IsFirstPersonObject(string word) => FirstPersonObjects.Contains(word);

    public static bool IsArticle(string word) => Articles.Contains(word);

    /// <summary>Dutch separable-verb particles ("uit" in "ze lachen me uit").</summary>
    public static bool IsSeparableParticle(string word) => DutchParticles.Contains(word);

    public static bool IsStopWord(string word, Language language) =>
        language == Language.En ? EnglishStop.Contains(word) : DutchStop.Contains(word);

    [ThreadStatic]
    private static DutchStemmer? _dutch;

    [ThreadStatic]
    private static EnglishStemmer? _english;

    public static string Stem(string word, Language language)
    {
        SnowballProgram stemmer = language == Language.En ? (_english ??= new EnglishStemmer()) : (_dutch ??= new DutchStemmer());
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        return language == Language.Nl ? DutchVerbForms(stem) : stem;
    }

    /// <summary>
    /// Snowball keeps Dutch verb endings apart ("beschuldigt", "beschuldigd", "gepest" vs "pest"):
    /// drop the participle prefix "ge" and a final t/d so the forms of one verb meet. Applied to
    /// content and questions alike, so the occasional odd stem ("geweld" → "wel") is harmless.
    /// </summary>
    private static string DutchVerbForms(string stem)
    {
        if (stem.Length >= 6 && stem.StartsWith("ge", StringComparison.Ordinal) && stem[^1] is 't' or 'd')
        {
            stem = stem[2..];
        }

        if (stem.Length >= 5 && stem[^1] is 't' or 'd')
        {
            stem = stem[..^1];
            if (stem[^1] == 'd')
            {
                stem = stem[..^1];
            }
        }

        return stem;
    }

    /// <summary>How many Dutch and English function words the text has.</summary>
    public static (int Nl, int En) CountFunctionWords(IReadOnlyList<string> words)
    {
        var nl = 0;
        var en = 0;
        foreach (var word in words)
        {
            if (DutchFunctionWords.Contains(word))
            {
                nl++;
            }

            if (EnglishFunctionWords.Contains(word))
            {
                en++;
            }
        }

        return (nl, en);
    }

    public void Dispose() => _plain.Dispose();

    private sealed class PlainAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
