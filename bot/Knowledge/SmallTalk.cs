using System.Collections.Frozen;
using System.Globalization;

namespace VpWijzer.Knowledge;

/// <summary>What a short social message is, when it is not a question (issue 17: replies that fit the person).</summary>
public enum SmallTalkKind
{
    None,
    Greeting,
    Thanks,
    Goodbye,
    Acknowledge,
    Yes,
    No,

    /// <summary>An emoji or one word of feeling ("😢", "verdrietig", "help"): someone is touched, not asking yet.</summary>
    Feeling,
}

/// <summary>
/// Greetings, thanks, "oké", "ja"/"nee" and emoji, recognised by the whole message (at most a few words), never by a
/// word inside a longer story. It runs after the crisis screener: "doei allemaal, bedankt voor alles" is the screener's.
/// </summary>
public static class SmallTalk
{
    private static readonly FrozenDictionary<string, SmallTalkKind> Phrases = new Dictionary<string, SmallTalkKind>
    {
        ["hoi"] = SmallTalkKind.Greeting, ["hallo"] = SmallTalkKind.Greeting, ["hai"] = SmallTalkKind.Greeting, ["hey"] = SmallTalkKind.Greeting,
        ["hee"] = SmallTalkKind.Greeting, ["heey"] = SmallTalkKind.Greeting, ["hi"] = SmallTalkKind.Greeting, ["hello"] = SmallTalkKind.Greeting,
        ["hoihoi"] = SmallTalkKind.Greeting, ["hallo daar"] = SmallTalkKind.Greeting, ["goedemorgen"] = SmallTalkKind.Greeting,
        ["goedemiddag"] = SmallTalkKind.Greeting, ["goedenavond"] = SmallTalkKind.Greeting, ["goeiemorgen"] = SmallTalkKind.Greeting,
        ["goedendag"] = SmallTalkKind.Greeting, ["good morning"] = SmallTalkKind.Greeting, ["good afternoon"] = SmallTalkKind.Greeting,
        ["good evening"] = SmallTalkKind.Greeting, ["hi there"] = SmallTalkKind.Greeting, ["hey there"] = SmallTalkKind.Greeting, ["yo"] = SmallTalkKind.Greeting,
        ["salaam"] = SmallTalkKind.Greeting, ["salam"] = SmallTalkKind.Greeting, ["moi"] = SmallTalkKind.Greeting, ["middag"] = SmallTalkKind.Greeting,

        ["bedankt"] = SmallTalkKind.Thanks, ["dank je"] = SmallTalkKind.Thanks, ["dankje"] = SmallTalkKind.Thanks, ["dankjewel"] = SmallTalkKind.Thanks,
        ["dank je wel"] = SmallTalkKind.Thanks, ["dank u"] = SmallTalkKind.Thanks, ["dank u wel"] = SmallTalkKind.Thanks, ["dankuwel"] = SmallTalkKind.Thanks,
        ["thanks"] = SmallTalkKind.Thanks, ["thank you"] = SmallTalkKind.Thanks, ["thx"] = SmallTalkKind.Thanks, ["tnx"] = SmallTalkKind.Thanks,
        ["thanks a lot"] = SmallTalkKind.Thanks, ["merci"] = SmallTalkKind.Thanks, ["super bedankt"] = SmallTalkKind.Thanks, ["top bedankt"] = SmallTalkKind.Thanks,
        ["heel erg bedankt"] = SmallTalkKind.Thanks, ["fijn dank je"] = SmallTalkKind.Thanks, ["ok bedankt"] = SmallTalkKind.Thanks, ["oke bedankt"] = SmallTalkKind.Thanks,
        ["ok thanks"] = SmallTalkKind.Thanks, ["ok dank je"] = SmallTalkKind.Thanks, ["thank u"] = SmallTalkKind.Thanks, ["ty"] = SmallTalkKind.Thanks,
        ["dankjewel voor de info"] = SmallTalkKind.Thanks, ["bedankt voor de info"] = SmallTalkKind.Thanks, ["thanks for the info"] = SmallTalkKind.Thanks,

        ["doei"] = SmallTalkKind.Goodbye, ["dag"] = SmallTalkKind.Goodbye, ["doeg"] = SmallTalkKind.Goodbye, ["tot ziens"] = SmallTalkKind.Goodbye,
        ["tot later"] = SmallTalkKind.Goodbye, ["bye"] = SmallTalkKind.Goodbye, ["goodbye"] = SmallTalkKind.Goodbye, ["fijne dag"] = SmallTalkKind.Goodbye,
        ["fijne dag nog"] = SmallTalkKind.Goodbye, ["have a nice day"] = SmallTalkKind.Goodbye, ["see you"] = SmallTalkKind.Goodbye, ["later"] = SmallTalkKind.Goodbye,

        ["ok"] = SmallTalkKind.Acknowledge, ["oke"] = SmallTalkKind.Acknowledge, ["okay"] = SmallTalkKind.Acknowledge, ["okee"] = SmallTalkKind.Acknowledge,
        ["okidoki"] = SmallTalkKind.Acknowledge, ["prima"] = SmallTalkKind.Acknowledge, ["helder"] = SmallTalkKind.Acknowledge, ["duidelijk"] = SmallTalkKind.Acknowledge,
        ["top"] = SmallTalkKind.Acknowledge, ["goed"] = SmallTalkKind.Acknowledge, ["fijn"] = SmallTalkKind.Acknowledge, ["mooi"] = SmallTalkKind.Acknowledge,
        ["alright"] = SmallTalkKind.Acknowledge, ["got it"] = SmallTalkKind.Acknowledge, ["cool"] = SmallTalkKind.Acknowledge, ["fine"] = SmallTalkKind.Acknowledge,
        ["i see"] = SmallTalkKind.Acknowledge, ["ah ok"] = SmallTalkKind.Acknowledge, ["aha"] = SmallTalkKind.Acknowledge, ["ik snap het"] = SmallTalkKind.Acknowledge,

        ["ja"] = SmallTalkKind.Yes, ["jawel"] = SmallTalkKind.Yes, ["jep"] = SmallTalkKind.Yes, ["ja graag"] = SmallTalkKind.Yes, ["graag"] = SmallTalkKind.Yes,
        ["klopt"] = SmallTalkKind.Yes, ["yes"] = SmallTalkKind.Yes, ["yep"] = SmallTalkKind.Yes, ["yeah"] = SmallTalkKind.Yes, ["yes please"] = SmallTalkKind.Yes,
        ["ja hoor"] = SmallTalkKind.Yes, ["ja dat klopt"] = SmallTalkKind.Yes, ["ja eigenlijk wel"] = SmallTalkKind.Yes, ["ja wel"] = SmallTalkKind.Yes,

        ["nee"] = SmallTalkKind.No, ["neen"] = SmallTalkKind.No, ["nee hoor"] = SmallTalkKind.No, ["nope"] = SmallTalkKind.No, ["no"] = SmallTalkKind.No,
        ["nee dank je"] = SmallTalkKind.No, ["nee bedankt"] = SmallTalkKind.No, ["no thanks"] = SmallTalkKind.No, ["nah"] = SmallTalkKind.No,
        ["niet echt"] = SmallTalkKind.No, ["not really"] = SmallTalkKind.No, ["nee niet"] = SmallTalkKind.No, ["nee dat niet"] = SmallTalkKind.No,

        ["verdrietig"] = SmallTalkKind.Feeling, ["boos"] = SmallTalkKind.Feeling, ["bang"] = SmallTalkKind.Feeling, ["moe"] = SmallTalkKind.Feeling,
        ["kapot"] = SmallTalkKind.Feeling, ["op"] = SmallTalkKind.Feeling, ["overstuur"] = SmallTalkKind.Feeling, ["gefrustreerd"] = SmallTalkKind.Feeling,
        ["in de war"] = SmallTalkKind.Feeling, ["ik weet het niet"] = SmallTalkKind.Feeling, ["weet niet"] = SmallTalkKind.Feeling, ["geen idee"] = SmallTalkKind.Feeling,
        ["sad"] = SmallTalkKind.Feeling, ["angry"] = SmallTalkKind.Feeling, ["scared"] = SmallTalkKind.Feeling, ["upset"] = SmallTalkKind.Feeling,
        ["i dont know"] = SmallTalkKind.Feeling, ["help"] = SmallTalkKind.Feeling, ["help me"] = SmallTalkKind.Feeling, ["help mij"] = SmallTalkKind.Feeling,
        ["hulp"] = SmallTalkKind.Feeling, ["pff"] = SmallTalkKind.Feeling, ["pfff"] = SmallTalkKind.Feeling, ["zucht"] = SmallTalkKind.Feeling,
        ["ugh"] = SmallTalkKind.Feeling, ["ik ben bang"] = SmallTalkKind.Feeling, ["ik ben boos"] = SmallTalkKind.Feeling, ["ik ben verdrietig"] = SmallTalkKind.Feeling,
        ["ik voel me rot"] = SmallTalkKind.Feeling, ["ik voel me niet goed"] = SmallTalkKind.Feeling, ["not ok"] = SmallTalkKind.Feeling, ["niet goed"] = SmallTalkKind.Feeling,
        ["ik weet niet of dit erg genoeg is"] = SmallTalkKind.Feeling, ["balen"] = SmallTalkKind.Feeling, ["huilen"] = SmallTalkKind.Feeling,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] PositiveEmoji = ["👍", "👌", "✅", "🙂", "😊", "😀", "😄", "😃", "👏", "💪"];

    public static SmallTalkKind Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60)
        {
            return SmallTalkKind.None;
        }

        var letters = false;
        var symbols = false;
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in CrisisDetector.Normalize(text))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c))
            {
                letters = true;
                folded.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                folded.Append(' ');
            }
            else if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol)
            {
                symbols = true;
            }
        }

        if (!letters)
        {
            // Only emoji or symbols: a wave greets, a thumbs up agrees; the rest ("😢", "🙁🙁", "💔") is a feeling, not a
            // question to answer with "I can't help with that".
            var t = text.Trim();
            return t.Contains("👋", StringComparison.Ordinal) ? SmallTalkKind.Greeting
                : t.Contains("🙏", StringComparison.Ordinal) ? SmallTalkKind.Thanks
                : PositiveEmoji.Any(e => t.Contains(e, StringComparison.Ordinal)) ? SmallTalkKind.Acknowledge
                : symbols ? SmallTalkKind.Feeling : SmallTalkKind.None;
        }

        var key = string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (Phrases.TryGetValue(key, out var kind))
        {
            return kind;
        }

        // "hoi!! 👋", "ok thx", "hallo, goedemorgen": every word a greeting, thanks or the like of one kind.
        var words = key.Split(' ');
        if (words.Length is > 1 and <= 4)
        {
            var kinds = words.Select(w => Phrases.TryGetValue(w, out var k) ? k : SmallTalkKind.None).ToList();
            if (kinds.All(k => k != SmallTalkKind.None))
            {
                return kinds.Contains(SmallTalkKind.Thanks) ? SmallTalkKind.Thanks : kinds[^1];
            }
        }

        return SmallTalkKind.None;
    }
}
