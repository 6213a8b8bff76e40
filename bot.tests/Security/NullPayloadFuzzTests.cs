using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using VpWijzer.Cards;
using VpWijzer.Routing;
using VpWijzer.Tests.DirectLine;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Security;

/// <summary>
/// Security review L1: anyone can post a card action over the anonymous chat. For every verb, payloads with every
/// field null, missing, or of the wrong type are an invalid payload: a 200 with a kind message, and not one
/// Error-level log line (before: 1 276 NullReferenceException / ArgumentNullException lines in one fuzz run).
/// </summary>
public sealed class NullPayloadFuzzTests
{
    private static IEnumerable<(string Verb, Type Payload)> AllVerbs() =>
        new[] { typeof(CardVerbs), typeof(FiguresCard) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Verb<>))
            .Select(f => (((dynamic)f.GetValue(null)!).Name as string ?? "", f.FieldType.GetGenericArguments()[0]));

    private static IEnumerable<JsonObject> Malformed(string verb, Type payload)
    {
        var names = payload.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => char.ToLowerInvariant(p.Name![0]) + p.Name[1..]).Distinct().ToList();
        yield return new JsonObject { ["verb"] = verb };
        var nulls = new JsonObject { ["verb"] = verb };
        var numbers = new JsonObject { ["verb"] = verb };
        var objects = new JsonObject { ["verb"] = verb };
        foreach (var name in names)
        {
            nulls[name] = null;
            numbers[name] = 42;
            objects[name] = new JsonObject { ["x"] = new JsonArray(1, 2) };
        }

        yield return nulls;
        yield return numbers;
        yield return objects;
    }

    [Fact]
    public async Task EveryVerb_NullMissingOrWrongTypedFields_KindAnswerAndNoErrorLog()
    {
        var verbs = AllVerbs().ToList();
        Assert.True(verbs.Count >= 25, $"only {verbs.Count} verbs found");
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Endpoint:PerConversationBurst"] = "1000", ["Endpoint:PerConversationPerMinute"] = "1000" });
        var client = await DirectLineClient.StartAsync(bot);
        await client.PollAsync();

        var statuses = new List<(string Verb, HttpStatusCode Status)>();
        foreach (var (verb, payload) in verbs)
        {
            foreach (var value in Malformed(verb, payload))
            {
                await client.PostActivityAsync(new JsonObject { ["type"] = "message", ["value"] = value });
                statuses.Add((verb, client.LastStatus));
            }
        }

        var replies = await client.PollAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.NotEmpty(replies);
        var errors = bot.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} error lines, first: {errors.FirstOrDefault()}");
    }
}
