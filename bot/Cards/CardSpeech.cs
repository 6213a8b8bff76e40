using System.Text;
using System.Text.RegularExpressions;

namespace VpWijzer.Cards;

/// <summary>
/// What a screen reader announces when a card arrives (issue 20). Web Chat's live region reads a card's
/// <c>speak</c> and its buttons, not its text blocks: without <c>speak</c> a new answer is heard as "Een kaart:"
/// followed by a list of buttons. The default is the card's own first texts — its heading and first lines —
/// without markdown, at most <see cref="MaxLength"/> characters. A card that sets <c>speak</c> itself keeps it
/// (the crisis card speaks the emergency lines first).
/// </summary>
public static partial class CardSpeech
{
    public const int MaxLength = 300;

    /// <summary>Enough to know what the card is about; the rest is one arrow key away in the transcript.</summary>
    private const int Enough = 120;

    /// <summary>The card with a <c>speak</c>: its own, or the default from its texts.</summary>
    public static AdaptiveCard WithSpeech(AdaptiveCard card)
    {
        if (!string.IsNullOrWhiteSpace(card.Speak))
        {
            return card;
        }

        var speech = For(card);
        return speech.Length == 0
            ? card
            : new AdaptiveCard
            {
                Version = card.Version,
                FallbackText = card.FallbackText,
                Speak = speech,
                Refresh = card.Refresh,
                Body = card.Body,
                Actions = card.Actions,
                MsTeams = card.MsTeams,
            };
    }

    /// <summary>The card's first texts in reading order, plain, ending at a sentence or word.</summary>
    public static string For(AdaptiveCard card)
    {
        var texts = new List<string>();
        Collect(card.Body, texts);
        var speech = new StringBuilder();
        foreach (var text in texts)
        {
            var plain = Plain(text);
            if (plain.Length == 0)
            {
                continue;
            }

            if (speech.Length > 0)
            {
                // A heading has no full stop; without one a screen reader runs it into the next sentence.
                speech.Append(EndsSentence(speech) ? " " : ". ");
            }

            speech.Append(plain);
            if (speech.Length >= Enough)
            {
                break;
            }
        }

        return Shorten(speech.ToString());
    }

    private static void Collect(IEnumerable<CardElement> elements, List<string> texts)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case TextBlock block:
                    texts.Add(block.Text);
                    break;
                case Container container:
                    Collect(container.Items, texts);
                    break;
                case ColumnSet set:
                    foreach (var column in set.Columns)
                    {
                        Collect(column.Items, texts);
                    }

                    break;
                case FactSet facts:
                    texts.AddRange(facts.Facts.Select(f => $"{f.Title} {f.Value}"));
                    break;
            }
        }
    }

    /// <summary>Markdown as a listener should hear it: link texts without addresses, no emphasis marks or bullets.</summary>
    internal static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        // A list is heard as one sentence: "Een VP: luistert, denkt mee, …".
        text = Bullet().Replace(text.Trim(), m => m.Index == 0 ? string.Empty : ", ");
        text = text.Replace(":, ", ": ", StringComparison.Ordinal);
        text = Emphasis().Replace(text, string.Empty);
        return Space().Replace(text, " ").Trim();
    }

    private static bool EndsSentence(StringBuilder text) => text.Length > 0 && text[^1] is '.' or '?' or '!' or ':';

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text[..MaxLength];
        var sentence = cut.LastIndexOfAny(['.', '?', '!']);
        if (sentence >= Enough)
        {
            return cut[..(sentence + 1)];
        }

        var word = cut.LastIndexOf(' ');
        return (word > 0 ? cut[..word] : cut).TrimEnd(',', ';', ':') + "…";
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|(?<=^|\s)_|_(?=\s|$|[.,;:!?])|(?<=^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,;:!?])", RegexOptions.Multiline)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?:^|\s*\n)[ \t]*(?:[-*•]|\d+\.)[ \t]+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
