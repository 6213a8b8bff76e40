using System.Text.Json.Nodes;
using VpWijzer.Cards;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Cards;

/// <summary>
/// Issue 20: what a screen reader hears. Web Chat announces a new card by its <c>speak</c> and its buttons; a button's
/// accessible name is its title (the Adaptive Cards renderer sets aria-label to it).
/// </summary>
public sealed class ScreenReaderTests
{
    [Fact]
    public void EveryCard_Speak_SaysWhatTheCardIsAbout_InPlainWords()
    {
        foreach (var (name, card) in CardCatalog.All(TestKnowledge.Base).Select(c => (c.Name, c.Card)))
        {
            var json = JsonNode.Parse(CardSerializer.ToJson(card))!;
            var speak = json["speak"]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(speak), $"{name}: no speak, a screen reader hears only its buttons");
            Assert.True(speak!.Length <= CardSpeech.MaxLength, $"{name}: speak is {speak.Length} characters");
            Assert.DoesNotContain("**", speak, StringComparison.Ordinal);
            Assert.DoesNotContain("](", speak, StringComparison.Ordinal);
            Assert.DoesNotContain("http", speak, StringComparison.OrdinalIgnoreCase);
            if (card.Speak is null && FirstText(card) is { } first)
            {
                Assert.StartsWith(CardSpeech.Plain(first), speak, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryCard_ButtonNames_AreUniqueWithinTheCard()
    {
        var failures = new List<string>();
        foreach (var (name, card) in CardCatalog.All(TestKnowledge.Base).Select(c => (c.Name, c.Card)))
        {
            // Not the Universal Actions refresh (never a button), nor an action's fallback (shown only instead of it).
            var titles = Conversation.Descendants(JsonNode.Parse(CardSerializer.ToJson(card))!, "refresh", "fallback")
                .Where(n => n["type"]?.GetValue<string>() is { } t && t.StartsWith("Action.", StringComparison.Ordinal))
                .Select(a => a["title"]?.GetValue<string>() ?? string.Empty)
                .ToList();
            if (titles.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{name}: a button without a name");
            }

            failures.AddRange(titles.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"{name}: {g.Count()} buttons named '{g.Key}'"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("Lees **dit** eerst", "Lees dit eerst")]
    [InlineData("Zie [113.nl](https://www.113.nl) of bel", "Zie 113.nl of bel")]
    [InlineData("- eerste punt\n- tweede _punt_", "eerste punt, tweede punt")]
    [InlineData("Een VP:\n- luistert\n- denkt mee", "Een VP: luistert, denkt mee")]
    [InlineData("1. een\n2. twee", "een, twee")]
    [InlineData("snake_case_naam blijft", "snake_case_naam blijft")]
    public void Plain_DropsMarkdown_KeepsWords(string markdown, string expected) =>
        Assert.Equal(expected, CardSpeech.Plain(markdown));

    [Fact]
    public void For_HeadingAndFirstLine_JoinedAsSentences_AndLongTextEndsAtASentence()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("Dit is een zin van een paar woorden.", 20));
        var card = new AdaptiveCard { Body = [new TextBlock("Wat doet een VP?") { Style = "heading" }, new TextBlock("Een VP luistert"), new TextBlock(longLine)] };

        var speech = CardSpeech.For(card);

        Assert.StartsWith("Wat doet een VP? Een VP luistert. Dit is een zin", speech, StringComparison.Ordinal);
        Assert.True(speech.Length <= CardSpeech.MaxLength);
        Assert.EndsWith(".", speech, StringComparison.Ordinal);
    }

    [Fact]
    public void WithSpeech_KeepsACardsOwnSpeak()
    {
        var card = new AdaptiveCard { Speak = "Bel 112 bij acuut gevaar.", Body = [new TextBlock("Iets anders")] };

        Assert.Same(card, CardSpeech.WithSpeech(card));
    }

    private static string? FirstText(AdaptiveCard card) => Texts(card.Body).FirstOrDefault(t => CardSpeech.Plain(t).Length > 0);

    private static IEnumerable<string> Texts(IEnumerable<CardElement> elements)
    {
        foreach (var element in elements)
        {
            var inner = element switch
            {
                TextBlock b => [b.Text],
                Container c => Texts(c.Items),
                ColumnSet s => s.Columns.SelectMany(col => Texts(col.Items)),
                FactSet f => f.Facts.Select(x => $"{x.Title} {x.Value}"),
                _ => [],
            };
            foreach (var text in inner)
            {
                yield return text;
            }
        }
    }
}
