using System.Text.Json;
using System.Text.RegularExpressions;

namespace VpWijzer.Knowledge;

/// <summary>A problem in a content file, with where to find it.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>The outcome of loading content: a knowledge base, or the errors that prevent one.</summary>
public sealed record ContentLoadResult(KnowledgeBase? KnowledgeBase, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => KnowledgeBase is not null && Errors.Count == 0;
}

/// <summary>
/// Reads <c>Content/topics/*.json</c> (one file per topic, Dutch and English side by side), checks
/// everything a content editor can get wrong, and fills in the organisation's contacts.
/// </summary>
public static partial class ContentLoader
{
    public const int MinExamples = 10;
    public const int MaxTitleLength = 40;
    public const int MaxFollowUps = 3;

    private static readonly HashSet<string> Placeholders = ["hrAdvice", "integrityContact", "companySocialWork", "complaintsCommittee", "centralVp", "stateIdleMinutes", "integrityVp"];

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Content", "topics");

    public static ContentLoadResult Load(string directory, ContactOptions contacts)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new ContentError(directory, 0, "The content folder does not exist."));
            return new ContentLoadResult(null, errors);
        }

        var raw = new List<RawTopic>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var topic = ReadFile(file, errors);
            if (topic is not null)
            {
                raw.Add(topic);
            }
        }

        foreach (var id in TopicIds.All.Where(id => raw.All(t => t.Id != id)))
        {
            errors.Add(new ContentError(Path.Combine(directory, id + ".json"), 0, $"Topic '{id}' is missing."));
        }

        foreach (var topic in raw)
        {
            if (topic.FollowUps.Count > MaxFollowUps)
            {
                errors.Add(new ContentError(topic.File, LineOf(topic.Source, "\"followUps\""), $"followUps has {topic.FollowUps.Count} buttons; at most {MaxFollowUps} (plus Menu) keep the card calm."));
            }

            foreach (var followUp in topic.FollowUps)
            {
                if (!TopicIds.All.Contains(followUp) || followUp == TopicIds.None || followUp == topic.Id)
                {
                    errors.Add(new ContentError(topic.File, LineOf(topic.Source, "\"followUps\""), $"followUps: '{followUp}' is not a topic you can point to."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new ContentLoadResult(null, errors);
        }

        var nl = contacts.For(english: false);
        var en = contacts.For(english: true);
        var topics = raw
            .OrderBy(t => TopicIds.All.ToList().IndexOf(t.Id))
            .Select(t => new Topic(t.Id, t.FollowUps, Fill(t.Nl, nl), Fill(t.En, en)))
            .ToList();
        return new ContentLoadResult(new KnowledgeBase(topics), errors);
    }

    private static RawTopic? ReadFile(string file, List<ContentError> errors)
    {
        var source = File.ReadAllText(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(source, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            errors.Add(new ContentError(file, (int)(ex.LineNumber ?? 0) + 1, "This is not valid JSON: check commas, quotes and brackets near here."));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var before = errors.Count;
            var id = GetString(root, "id");
            var expected = Path.GetFileNameWithoutExtension(file);
            if (id is null)
            {
                errors.Add(new ContentError(file, 1, "\"id\" is missing."));
                return null;
            }

            if (!TopicIds.All.Contains(id))
            {
                errors.Add(new ContentError(file, LineOf(source, "\"id\""), $"'{id}' is not a known topic id."));
            }
            else if (id != expected)
            {
                errors.Add(new ContentError(file, LineOf(source, "\"id\""), $"The id '{id}' must match the file name '{expected}.json'."));
            }

            var followUps = new List<string>();
            if (root.TryGetProperty("followUps", out var f) && f.ValueKind == JsonValueKind.Array)
            {
                followUps.AddRange(f.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }

            var nl = ReadLanguage(root, "nl", file, source, errors);
            var en = ReadLanguage(root, "en", file, source, errors);
            return errors.Count == before && nl is not null && en is not null
                ? new RawTopic(id, file, source, followUps, nl, en)
                : null;
        }
    }

    private static TopicText? ReadLanguage(JsonElement root, string language, string file, string source, List<ContentError> errors)
    {
        if (!root.TryGetProperty(language, out var block) || block.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ContentError(file, 1, $"The \"{language}\" block is missing."));
            return null;
        }

        var blockStart = source.IndexOf($"\"{language}\"", StringComparison.Ordinal);
        int Line(string property) => LineOf(source, $"\"{property}\"", Math.Max(0, blockStart));

        var before = errors.Count;
        var title = GetString(block, "title");
        var summary = GetString(block, "summary") ?? string.Empty;
        var answer = GetStrings(block, "answer");
        var more = GetStrings(block, "more");
        var keywords = GetStrings(block, "keywords");
        var examples = GetStrings(block, "examples");

        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new ContentError(file, Line("title"), $"{language}.title is missing."));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new ContentError(file, Line("title"), $"{language}.title is longer than {MaxTitleLength} characters (it is used on buttons)."));
        }

        if (answer.Count == 0 || answer.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ContentError(file, Line("answer"), $"{language}.answer needs at least one paragraph, and no empty ones."));
        }

        if (more.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ContentError(file, Line("more"), $"{language}.more has an empty paragraph."));
        }

        if (examples.Count < MinExamples)
        {
            errors.Add(new ContentError(file, Line("examples"), $"{language}.examples has {examples.Count} questions; at least {MinExamples} are needed to recognise this topic."));
        }

        foreach (var paragraph in answer.Concat(more).Append(title ?? string.Empty).Append(summary))
        {
            foreach (Match match in PlaceholderPattern().Matches(paragraph))
            {
                if (!Placeholders.Contains(match.Groups[1].Value))
                {
                    errors.Add(new ContentError(file, Line("answer"), $"{language}: unknown placeholder {{{match.Groups[1].Value}}}. Known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}."));
                }
            }

            if (paragraph.Contains('<', StringComparison.Ordinal))
            {
                errors.Add(new ContentError(file, Line("answer"), $"{language}: HTML is not shown in Teams cards; use **bold**, _italic_, lists and [links](https://…)."));
            }

            foreach (Match link in LinkPattern().Matches(paragraph))
            {
                if (!link.Groups[1].Value.StartsWith("https://", StringComparison.Ordinal) && !link.Groups[1].Value.StartsWith("tel:", StringComparison.Ordinal))
                {
                    errors.Add(new ContentError(file, Line("answer"), $"{language}: links must start with https:// or tel:."));
                }
            }
        }

        return errors.Count == before ? new TopicText(title!, summary, answer, keywords, examples) { More = more } : null;
    }

    private static TopicText Fill(TopicText text, IReadOnlyDictionary<string, string> contacts)
    {
        // A contact that starts a sentence starts with a capital: "{companySocialWork} kan je steunen" reads
        // "Het bedrijfsmaatschappelijk werk kan je steunen", and mid-sentence it stays "het".
        string Apply(string s) => PlaceholderPattern().Replace(s, m =>
        {
            var value = contacts[m.Groups[1].Value];
            return value.Length > 0 && StartsSentence(s, m.Index) ? char.ToUpperInvariant(value[0]) + value[1..] : value;
        });
        return text with { Answer = text.Answer.Select(Apply).ToList(), More = text.More.Select(Apply).ToList(), Title = Apply(text.Title), Summary = Apply(text.Summary) };
    }

    private static bool StartsSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" *_".AsSpan());
        return before.Length == 0 || before[^1] is '.' or '?' or '!';
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> GetStrings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static int LineOf(string source, string needle, int start = 0)
    {
        var index = source.IndexOf(needle, start, StringComparison.Ordinal);
        if (index < 0)
        {
            return 1;
        }

        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    private sealed record RawTopic(string Id, string File, string Source, List<string> FollowUps, TopicText Nl, TopicText En);
}
