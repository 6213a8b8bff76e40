using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using VpWijzer.Protocol;
using VpWijzer.Tests.Fakes;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>
/// One user's chat with the running bot, read like the conversation it checks:
/// <c>await chat.SendAsync("is dit pesten?"); chat.LastCard.AssertTitle("Pesten");</c>
/// </summary>
public sealed class Conversation(BotHost bot, StandInConnector connector, string channelId = Channels.MsTeams, string locale = "nl-NL")
{
    private int _sequence;
    private int _seen;

    public string ConversationId { get; init; } = "a:" + Guid.NewGuid().ToString("N");

    public string UserId { get; init; } = "29:" + Guid.NewGuid().ToString("N");

    public string UserName { get; init; } = "Test Gebruiker";

    public string UserObjectId { get; init; } = Guid.NewGuid().ToString();

    public string ConversationType { get; init; } = "personal";

    public string TenantId { get; init; } = "tenant-1";

    /// <summary>The replies of the last turn, in order.</summary>
    public IReadOnlyList<Activity> LastReplies { get; private set; } = [];

    public HttpStatusCode LastStatus { get; private set; }

    public string? LastInvokeBody { get; private set; }

    public JsonObject LastCard => LastReplies.LastOrDefault(r => r.Attachments is { Count: > 0 })?.Attachments![0].Content is { } c
        ? JsonNode.Parse(c.GetRawText())!.AsObject()
        : throw new InvalidOperationException("The last turn sent no card. Replies: " + string.Join(" | ", LastReplies.Select(r => r.Text)));

    public string LastText => string.Join("\n", LastReplies.Select(r => r.Text).Where(t => t is not null));

    public Task<IReadOnlyList<Activity>> StartAsync() => TurnAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = UserId }, new ChannelAccount { Id = "28:bot" }],
    });

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => TurnAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Clicks the Action.Submit (anywhere in the last card) whose title contains <paramref name="title"/>.</summary>
    public Task<IReadOnlyList<Activity>> ClickAsync(string title, IDictionary<string, string>? inputs = null)
    {
        var action = FindAction(LastCard, title);
        return SubmitAsync(action["data"]!.AsObject(), inputs);
    }

    /// <summary>
    /// Books through the cards as an employee would: "afspraak maken" → Verder → <paramref name="vpButton"/> →
    /// <paramref name="modeButton"/> → the first time → anonymous reservation → no topic → confirm.
    /// </summary>
    public async Task BookAnonymouslyAsync(string vpButton = "Kies Anna", string modeButton = "Telefonisch")
    {
        await SendAsync("afspraak maken");
        await ClickAsync("Verder");
        await ClickAsync(vpButton);
        await ClickAsync(modeButton);
        await ClickAsync("Dit tijdstip");
        await ClickAsync("Reservering zonder naam");
        await ClickAsync("Overslaan");
        await ClickAsync("Ja, maak de afspraak");
    }

    /// <summary>Sends an Action.Submit payload as Teams does: a message whose value is the data plus the inputs.</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(JsonObject data, IDictionary<string, string>? inputs = null)
    {
        var value = JsonNode.Parse(data.ToJsonString())!.AsObject();
        foreach (var (key, input) in inputs ?? new Dictionary<string, string>())
        {
            value[key] = input;
        }

        return TurnAsync(new Activity { Type = ActivityTypes.Message, Value = JsonDocument.Parse(value.ToJsonString()).RootElement });
    }

    /// <summary>Clicks an Action.Execute as Teams does: an <c>adaptiveCard/action</c> invoke; returns the invoke response body.</summary>
    public async Task<JsonObject> ExecuteAsync(JsonObject card, string title)
    {
        var action = FindAction(card, title);
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = JsonNode.Parse(action["data"]!.ToJsonString()) },
            ["trigger"] = "manual",
        };
        await TurnAsync(new Activity { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction, Value = JsonDocument.Parse(value.ToJsonString()).RootElement });
        return JsonNode.Parse(LastInvokeBody!)!.AsObject();
    }

    public static JsonObject FindAction(JsonObject card, string title)
    {
        var actions = Descendants(card).Where(o => o["type"]?.GetValue<string>() is "Action.Submit" or "Action.Execute").ToList();
        return actions.FirstOrDefault(a => a["title"]?.GetValue<string>().Contains(title, StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidOperationException($"No action titled '{title}'. Actions: {string.Join(", ", actions.Select(a => a["title"]?.GetValue<string>()))}");
    }

    /// <summary>Every object under <paramref name="node"/>; the values of <paramref name="skipKeys"/> are not walked into.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode node, params string[] skipKeys)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (key, child) in obj)
            {
                if (child is not null && !skipKeys.Contains(key))
                {
                    foreach (var d in Descendants(child, skipKeys))
                    {
                        yield return d;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                foreach (var d in Descendants(child, skipKeys))
                {
                    yield return d;
                }
            }
        }
    }

    public async Task<IReadOnlyList<Activity>> TurnAsync(Activity activity, string? authorization = null)
    {
        activity.Id = $"msg-{++_sequence}";
        activity.ChannelId = channelId;
        activity.ServiceUrl = connector.ServiceUrl;
        activity.Locale ??= locale;
        activity.Timestamp = DateTimeOffset.UtcNow;
        activity.From = new ChannelAccount { Id = UserId, Name = UserName, AadObjectId = UserObjectId, Role = "user" };
        activity.Recipient = new ChannelAccount { Id = "28:bot", Name = "VP-wijzer" };
        activity.Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId };

        using var response = await bot.PostActivityAsync(activity, authorization);
        LastStatus = response.StatusCode;
        LastInvokeBody = activity.Type == ActivityTypes.Invoke ? await response.Content.ReadAsStringAsync() : null;

        // Replies are delivered before the HTTP answer; take the ones for this conversation since the last turn.
        var mine = connector.Activities.Where(a => a.Conversation?.Id == ConversationId).ToList();
        LastReplies = mine.Skip(_seen).ToList();
        _seen = mine.Count;
        return LastReplies;
    }
}

public static class CardAssertions
{
    public static string Title(this JsonObject card) =>
        Conversation.Descendants(card).First(o => o["type"]?.GetValue<string>() == "TextBlock")["text"]!.GetValue<string>();

    /// <summary>Every text, title and fact value a person can read on the card.</summary>
    public static string AllText(this JsonObject card) =>
        string.Join("\n", Conversation.Descendants(card).SelectMany(Readable));

    private static IEnumerable<string> Readable(JsonObject o)
    {
        foreach (var name in new[] { "text", "title" })
        {
            if (o[name] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                yield return s;
            }
        }

        if (o["type"] is null && o["value"] is JsonValue fact && fact.TryGetValue<string>(out var value))
        {
            yield return value;
        }
    }

    public static IReadOnlyList<string> Verbs(this JsonObject card) =>
        Conversation.Descendants(card).Where(o => o["data"] is JsonObject d && d["verb"] is not null).Select(o => o["data"]!["verb"]!.GetValue<string>()).ToList();
}
