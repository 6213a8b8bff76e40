using System.Text.Json;
using System.Text.Json.Nodes;
using VpWijzer.Cards;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Cards;

public sealed class CardTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task EveryCard_OfficialValidatorTarget15_NoErrors()
    {
        var cards = CardCatalog.All(TestKnowledge.Base).ToList();

        var results = await AdaptiveCardValidator.ValidateAsync(cards.Select(c => (c.Name, CardSerializer.ToJsonElement(c.Card))));

        Assert.Equal(cards.Count, results.Count);
        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void EveryCard_Version_Is15AndFullWidth()
    {
        var cards = CardCatalog.All(TestKnowledge.Base).ToList();

        Assert.All(cards, c =>
        {
            var json = JsonNode.Parse(CardSerializer.ToJson(c.Card))!;
            Assert.Equal("1.5", json["version"]!.GetValue<string>());
            Assert.Equal("Full", json["msteams"]!["width"]!.GetValue<string>());
        });
    }

    [Fact]
    public void EveryCard_Actions_CarryAKnownVerbOrAUrl()
    {
        var verbs = typeof(CardVerbs).GetFields().Select(f => f.GetValue(null)).Select(v => (string)v!.GetType().GetProperty("Name")!.GetValue(v)!).ToHashSet();

        var found = CardCatalog.All(TestKnowledge.Base)
            .SelectMany(c => JsonNode.Parse(CardSerializer.ToJson(c.Card))!.DescendantsOfType("Action.Submit"))
            .Select(a => a["data"]!["verb"]!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(found);
        Assert.All(found, v => Assert.Contains(v, verbs));
    }

    [Theory]
    [MemberData(nameof(PinnedNames))]
    public void PinnedCard_Json_MatchesSnapshot(string name)
    {
        var card = CardCatalog.Pinned().Single(c => c.Name == name).Card;
        var actual = JsonSerializer.Serialize(JsonNode.Parse(CardSerializer.ToJson(card)), Indented);
        var path = Path.Combine(RepoPaths.Snapshots, name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(RepoPaths.Snapshots);
            File.WriteAllText(path, actual + "\n");
        }

        Assert.True(File.Exists(path), $"Snapshot {name}.json is missing; run the tests once with UPDATE_SNAPSHOTS=1 and review the file.");
        Assert.Equal(File.ReadAllText(path).TrimEnd(), actual.TrimEnd());
    }

    public static TheoryData<string> PinnedNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in CardCatalog.Pinned())
        {
            data.Add(name);
        }

        return data;
    }
}

internal static class JsonNodeExtensions
{
    public static IEnumerable<JsonObject> DescendantsOfType(this JsonNode node, string type)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue t && t.GetValue<string>() == type)
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var d in child.DescendantsOfType(type))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        foreach (var d in child.DescendantsOfType(type))
                        {
                            yield return d;
                        }
                    }
                }

                break;
        }
    }
}

public sealed class ChoiceSetTests
{
    /// <summary>Issue 19: the gallery's dropdowns had title and value swapped, so every default was blank and "Vrouw" filtered nothing.</summary>
    [Fact]
    public void EveryChoiceSet_DefaultIsOneOfItsValues_AndTitlesAreWords()
    {
        var sets = CardCatalog.All(TestKnowledge.Base)
            .SelectMany(c => JsonNode.Parse(CardSerializer.ToJson(c.Card))!.DescendantsOfType("Input.ChoiceSet").Select(s => (c.Name, Set: s)))
            .ToList();

        Assert.NotEmpty(sets);
        foreach (var (name, set) in sets)
        {
            var choices = set["choices"]!.AsArray().Select(c => (Title: c!["title"]!.GetValue<string>(), Value: c["value"]!.GetValue<string>())).ToList();
            var values = choices.Select(c => c.Value).ToList();
            if (set["value"] is { } value)
            {
                Assert.True(values.Contains(value.GetValue<string>()), $"{name} {set["id"]}: default '{value}' is not one of [{string.Join(", ", values)}]");
            }

            Assert.All(choices, c => Assert.False(c.Title is "any" or "none" or "female" or "male" or "internal" or "external", $"{name} {set["id"]}: a code '{c.Title}' shown as a title"));
        }
    }
}
