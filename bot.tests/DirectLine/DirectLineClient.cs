using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.DirectLine;

/// <summary>Talks to the bot's Direct Line endpoints over HTTP the way Web Chat does (polling).</summary>
public sealed class DirectLineClient
{
    private readonly HttpClient _http;
    private int _clientIds;

    private DirectLineClient(HttpClient http, string conversationId, string token)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
    }

    public string ConversationId { get; }

    public string Token { get; set; }

    public long Watermark { get; private set; }

    /// <summary>Everything received so far, in order.</summary>
    public List<JsonObject> Received { get; } = [];

    public HttpStatusCode LastStatus { get; private set; }

    /// <summary>tokens/generate, then POST /conversations with that token (what Web Chat does on the page).</summary>
    public static async Task<DirectLineClient> StartAsync(BotHost bot, string locale = "nl-NL")
    {
        var generated = await PostJsonAsync(bot.Http, "/v3/directline/tokens/generate", null, null);
        Assert.Equal(HttpStatusCode.OK, generated.Status);
        var client = new DirectLineClient(bot.Http, generated.Body!["conversationId"]!.GetValue<string>(), generated.Body["token"]!.GetValue<string>());
        var started = await PostJsonAsync(bot.Http, "/v3/directline/conversations", client.Token, new JsonObject { ["user"] = new JsonObject { ["id"] = "ignored" }, ["locale"] = locale });
        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal(client.ConversationId, started.Body!["conversationId"]!.GetValue<string>());
        return client;
    }

    /// <summary>Posts a typed message; returns the server's id for it (null when refused).</summary>
    public async Task<string?> SendAsync(string text, string? clientActivityId = null)
    {
        clientActivityId ??= "c" + (++_clientIds).ToString(CultureInfo.InvariantCulture);
        return await PostActivityAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "whatever-the-page-says", ["role"] = "user" },
            ["locale"] = "nl-NL",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        });
    }

    /// <summary>Posts what Web Chat posts for an Action.Submit: a message with the action's data as value.</summary>
    public async Task<string?> ClickAsync(JsonObject card, string title, IDictionary<string, string>? extra = null)
    {
        var data = Conversation.FindAction(card, title)["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return await PostActivityAsync(new JsonObject
        {
            ["type"] = "message",
            ["value"] = data,
            ["from"] = new JsonObject { ["id"] = "x", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "click" + (++_clientIds).ToString(CultureInfo.InvariantCulture), ["postBack"] = true },
        });
    }

    public async Task<string?> PostActivityAsync(JsonObject activity)
    {
        var (status, body) = await PostJsonAsync(_http, $"/v3/directline/conversations/{ConversationId}/activities", Token, activity);
        LastStatus = status;
        return status == HttpStatusCode.OK ? body!["id"]!.GetValue<string>() : null;
    }

    /// <summary>GET activities?watermark=; checks the watermark never goes back and returns what is new.</summary>
    public async Task<IReadOnlyList<JsonObject>> PollAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={(Watermark == 0 ? string.Empty : Watermark.ToString(CultureInfo.InvariantCulture))}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        LastStatus = response.StatusCode;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var watermark = long.Parse(set["watermark"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(watermark >= Watermark, "the watermark went back");
        var activities = set["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.True(activities.Count == 0 || watermark > Watermark, "new activities without a higher watermark");
        Watermark = watermark;
        Received.AddRange(activities);
        return activities;
    }

    /// <summary>The Adaptive Cards in the given activities.</summary>
    public static List<JsonObject> Cards(IEnumerable<JsonObject> activities) =>
        activities.SelectMany(a => a["attachments"]?.AsArray() ?? [])
            .Where(att => att!["contentType"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
            .Select(att => att!["content"]!.AsObject())
            .ToList();

    public static string Title(JsonObject card) => card["body"]![0]!["text"]!.GetValue<string>();

    public static async Task<(HttpStatusCode Status, JsonObject? Body)> PostJsonAsync(HttpClient http, string path, string? token, JsonObject? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body?.ToJsonString() ?? string.Empty, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }
}
