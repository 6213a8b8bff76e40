using VpWijzer.Knowledge;

namespace VpWijzer.Tests.Knowledge;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vpw-content-" + Guid.NewGuid().ToString("N"));

    public ContentLoaderTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var file in Directory.EnumerateFiles(ContentLoader.DefaultDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_ShippedContent_IsValidWithEveryTopic()
    {
        var result = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(TopicIds.All.Order(), result.KnowledgeBase!.Topics.Select(t => t.Id).Order());
    }

    [Fact]
    public void Load_ShippedContent_EveryLanguageHasTenExamplesOrMore()
    {
        var kb = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions()).KnowledgeBase!;

        Assert.All(kb.Topics, t =>
        {
            Assert.True(t.Nl.Examples.Count >= 10, t.Id + " nl");
            Assert.True(t.En.Examples.Count >= 10, t.Id + " en");
        });
    }

    [Fact]
    public void Load_BrokenJson_ReportsFileAndLine()
    {
        var path = Path.Combine(_dir, "bullying.json");
        var lines = File.ReadAllLines(path).ToList();
        lines[3] = lines[3] + " ,,";
        File.WriteAllLines(path, lines);

        var result = ContentLoader.Load(_dir, new ContactOptions());

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.Message.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.EndsWith("bullying.json", error.File, StringComparison.Ordinal);
        Assert.InRange(error.Line, 3, 6);
    }

    [Fact]
    public void Load_MissingTopic_Named()
    {
        File.Delete(Path.Combine(_dir, "integrity.json"));

        var result = ContentLoader.Load(_dir, new ContactOptions());

        Assert.Contains(result.Errors, e => e.Message.Contains("'integrity' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownPlaceholder_Rejected()
    {
        var path = Path.Combine(_dir, "manager.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"answer\": [", "\"answer\": [\"Bel {ceo}.\", ", StringComparison.Ordinal));

        var result = ContentLoader.Load(_dir, new ContactOptions());

        Assert.Contains(result.Errors, e => e.Message.Contains("{ceo}", StringComparison.Ordinal) && e.Line > 1);
    }

    [Fact]
    public void Load_TooFewExamples_Rejected()
    {
        var path = Path.Combine(_dir, "help.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["en"]!["examples"] = new System.Text.Json.Nodes.JsonArray("hi", "hello");
        File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var result = ContentLoader.Load(_dir, new ContactOptions());

        Assert.Contains(result.Errors, e => e.Message.Contains("en.examples has 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_InvalidFollowUp_Rejected()
    {
        var path = Path.Combine(_dir, "bystander.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["followUps"] = new System.Text.Json.Nodes.JsonArray("no-such-topic");
        File.WriteAllText(path, json.ToJsonString());

        var result = ContentLoader.Load(_dir, new ContactOptions());

        Assert.Contains(result.Errors, e => e.Message.Contains("no-such-topic", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Contacts_FillPlaceholdersPerLanguage()
    {
        var contacts = new ContactOptions { HrAdvice = "team P&O Noord|HR team North" };

        var kb = ContentLoader.Load(ContentLoader.DefaultDirectory, contacts).KnowledgeBase!;

        var nl = string.Join(" ", kb[TopicIds.LabourDispute].Nl.Answer);
        var en = string.Join(" ", kb[TopicIds.LabourDispute].En.Answer);
        Assert.Contains("team P&O Noord", nl, StringComparison.Ordinal);
        Assert.Contains("HR team North", en, StringComparison.Ordinal);
        Assert.DoesNotContain("{hrAdvice}", nl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_VpIsIntegrityVp_ChangesTheIntegrityAnswer(bool english)
    {
        static string Answer(bool on, bool en)
        {
            var topic = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions { VpIsIntegrityVp = on }).KnowledgeBase![TopicIds.Integrity];
            return string.Join(" ", (en ? topic.En : topic.Nl).Answer);
        }

        var off = Answer(on: false, english);
        var on = Answer(on: true, english);

        Assert.NotEqual(off, on);
        Assert.DoesNotContain("{integrityVp}", off, StringComparison.Ordinal);
        Assert.DoesNotContain("{integrityVp}", on, StringComparison.Ordinal);
        Assert.Contains(english ? "In many organisations" : "In veel organisaties", off, StringComparison.Ordinal);
        Assert.Contains(english ? "is also the integrity confidential adviser" : "Bij ons is de vertrouwenspersoon (VP) ook vertrouwenspersoon integriteit", on, StringComparison.Ordinal);
    }

    /// <summary>"{companySocialWork} kan je ook steunen" read "het bedrijfsmaatschappelijk werk kan…" (found through scripts/ask.py).</summary>
    [Fact]
    public void Load_ContactStartingASentence_Capitalised_MidSentenceNot()
    {
        var kb = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions()).KnowledgeBase!;

        var texts = kb.Topics.SelectMany(t => t.Nl.Answer.Concat(t.Nl.More)).ToList();

        Assert.Contains(texts, t => t.Contains("Het bedrijfsmaatschappelijk werk", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"(^|[.?!] )(het|de|je) (bedrijfsmaatschappelijk|klachtencommissie|centrale|P&O)"));
    }

    [Fact]
    public void Load_CrisisAnswer_StartsWithEmergencyNumbersNotAQuestion()
    {
        var kb = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions()).KnowledgeBase!;

        foreach (var text in new[] { kb[TopicIds.Crisis].Nl, kb[TopicIds.Crisis].En })
        {
            Assert.Contains("112", text.Answer[0], StringComparison.Ordinal);
            Assert.Contains("113", text.Answer[0], StringComparison.Ordinal);
            Assert.DoesNotContain("?", text.Answer[0].Split('.')[0], StringComparison.Ordinal);
        }
    }
}
