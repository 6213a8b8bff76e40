using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VpWijzer.Chat;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.DirectLine;

/// <summary>The Direct Line 3.0 surface over HTTP against the real app on Kestrel, as Web Chat uses it.</summary>
public sealed class DirectLineEndpointTests
{
    [Fact]
    public async Task Start_TokenAndExpiry_WelcomeCardOnFirstPoll()
    {
        await using var bot = await BotHost.StartAsync();

        var generated = await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/tokens/generate", null, null);
        var client = await DirectLineClient.StartAsync(bot);
        var first = await client.PollAsync();

        Assert.Equal(HttpStatusCode.OK, generated.Status);
        Assert.Equal(1800, generated.Body!["expires_in"]!.GetValue<int>());
        Assert.True(generated.Body["token"]!.GetValue<string>().Length >= 40);
        Assert.NotEqual(generated.Body["conversationId"]!.GetValue<string>(), client.ConversationId);
        var welcome = Assert.Single(first);
        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        Assert.Equal(client.ConversationId + "|0000001", welcome["id"]!.GetValue<string>());
        Assert.Null(welcome["serviceUrl"]);
        Assert.Single(DirectLineClient.Cards(first));
        Assert.Empty(await client.PollAsync());
    }

    [Fact]
    public async Task StartWithoutToken_NewConversationWithItsOwnToken()
    {
        await using var bot = await BotHost.StartAsync();

        var (status, body) = await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/conversations", null, new JsonObject { ["locale"] = "en-US" });

        Assert.Equal(HttpStatusCode.Created, status);
        var token = body!["token"]!.GetValue<string>();
        var id = body["conversationId"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welcome to VP-wijzer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_EchoWithClientActivityIdThenAnswerCard_FollowUpClickShowsTopic()
    {
        await using var bot = await BotHost.StartAsync();
        var client = await DirectLineClient.StartAsync(bot);
        await client.PollAsync();

        var id = await client.SendAsync("Wat doet een vertrouwenspersoon eigenlijk?", "abc-123");
        var afterQuestion = await client.PollAsync();
        var answer = Assert.Single(DirectLineClient.Cards(afterQuestion));
        await client.ClickAsync(answer, "Wat doet een VP niet?");
        var afterClick = await client.PollAsync();

        var echo = afterQuestion[0];
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("abc-123", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("Wat doet een vertrouwenspersoon eigenlijk?", echo["text"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.StartsWith("dl_", echo["from"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual("whatever-the-page-says", echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("Wat doet een VP?", DirectLineClient.Title(answer));
        Assert.True(afterClick[0]["channelData"]!["postBack"]!.GetValue<bool>());
        Assert.Null(afterClick[0]["value"]);
        Assert.Equal("Wat doet een VP niet?", DirectLineClient.Title(Assert.Single(DirectLineClient.Cards(afterClick))));
        var ids = client.Received.Select(a => a["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Booking_FromChat_ExplainsTeamsIsNeeded_ShowsVpContacts_NoWayIntoTheFlow()
    {
        await using var bot = await BotHost.StartAsync();
        var client = await DirectLineClient.StartAsync(bot);
        await client.PollAsync();

        await client.SendAsync("Wat doet een vertrouwenspersoon?");
        var answer = DirectLineClient.Cards(await client.PollAsync()).Single();
        await client.ClickAsync(answer, "Praat met een vertrouwenspersoon");
        var intro = DirectLineClient.Cards(await client.PollAsync()).Single();
        await client.PostActivityAsync(new JsonObject { ["type"] = "message", ["value"] = new JsonObject { ["verb"] = "booking.continue" } });
        var afterForcedContinue = DirectLineClient.Cards(await client.PollAsync());

        var text = intro.ToJsonString();
        Assert.Contains("Microsoft Teams", text, StringComparison.Ordinal);
        Assert.Contains("ik weet niet wie je bent", text, StringComparison.Ordinal);
        Assert.Contains("mailto:", text, StringComparison.Ordinal);
        Assert.Contains("Anna de Wit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("booking.continue", text, StringComparison.Ordinal);
        Assert.DoesNotContain(afterForcedContinue, c => c.ToJsonString().Contains("booking.vp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Booking_FromChatInEnglish_ExplainsInEnglish()
    {
        await using var bot = await BotHost.StartAsync();
        var client = await DirectLineClient.StartAsync(bot, "en-US");
        await client.PollAsync();

        await client.SendAsync("I would like to book a conversation with a confidential adviser");
        var cards = DirectLineClient.Cards(await client.PollAsync());

        Assert.Contains(cards, c => c.ToJsonString().Contains("know who you are", StringComparison.Ordinal) && c.ToJsonString().Contains("mailto:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_MissingForgedOtherConversationsOrExpired_Refused()
    {
        var clock = new ShiftableTimeProvider();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:IdleTtl"] = "02:00:00" }, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var mine = await DirectLineClient.StartAsync(bot);
        var other = await DirectLineClient.StartAsync(bot);
        var path = $"/v3/directline/conversations/{mine.ConversationId}/activities";
        var realToken = mine.Token;
        var forged = realToken[..^4] + (realToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var missing = await GetAsync(bot, path, null);
        var garbage = await GetAsync(bot, path, "not-a-token");
        var tampered = await GetAsync(bot, path, forged);
        var otherConversations = await GetAsync(bot, path, other.Token);
        var valid = await GetAsync(bot, path, realToken);
        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await GetAsync(bot, path, realToken);
        var expiredPost = await DirectLineClient.PostJsonAsync(bot.Http, path, realToken, new JsonObject { ["type"] = "message", ["text"] = "hallo" });

        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.Forbidden, garbage);
        Assert.Equal(HttpStatusCode.Forbidden, tampered);
        Assert.Equal(HttpStatusCode.Forbidden, otherConversations);
        Assert.Equal(HttpStatusCode.OK, valid);
        Assert.Equal(HttpStatusCode.Forbidden, expired);
        Assert.Equal(HttpStatusCode.Forbidden, expiredPost.Status);
    }

    [Fact]
    public async Task Refresh_NewTokenForTheSameConversation_ValidAfterTheOldOneExpired()
    {
        var clock = new ShiftableTimeProvider();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:IdleTtl"] = "02:00:00" }, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var client = await DirectLineClient.StartAsync(bot);
        var old = client.Token;

        clock.Advance(TimeSpan.FromMinutes(20));
        var (status, body) = await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/tokens/refresh", old, null);
        clock.Advance(TimeSpan.FromMinutes(20));
        client.Token = body!["token"]!.GetValue<string>();
        await client.PollAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(client.ConversationId, body["conversationId"]!.GetValue<string>());
        Assert.NotEqual(old, client.Token);
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(bot, $"/v3/directline/conversations/{client.ConversationId}/activities", old));
    }

    [Fact]
    public async Task IdleConversation_GoneAfterIdleTtl_404()
    {
        var clock = new ShiftableTimeProvider();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:IdleTtl"] = "00:10:00" }, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var client = await DirectLineClient.StartAsync(bot);

        clock.Advance(TimeSpan.FromMinutes(11));
        var status = await GetAsync(bot, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, bot.Services.GetRequiredService<DirectLineConversations>().Count);
    }

    [Fact]
    public async Task Echo_DeletedOnceAcknowledged_BlankedWhenNeverFetched()
    {
        var clock = new ShiftableTimeProvider();
        await using var bot = await BotHost.StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var store = bot.Services.GetRequiredService<DirectLineConversations>();
        var fetched = await DirectLineClient.StartAsync(bot);
        var abandoned = await DirectLineClient.StartAsync(bot);

        await fetched.SendAsync("echo-eenmaal-opgehaald wat doet een vp");
        await fetched.PollAsync();
        var beforeAck = string.Join("\n", store.SnapshotQueued());
        await fetched.PollAsync();
        await abandoned.SendAsync("echo-nooit-opgehaald wat doet een vp");
        var beforeSweep = string.Join("\n", store.SnapshotQueued());
        clock.Advance(DirectLineConversations.EchoTextLifetime + TimeSpan.FromSeconds(1));
        store.Sweep();
        var afterSweep = string.Join("\n", store.SnapshotQueued());

        Assert.Contains("echo-eenmaal-opgehaald", beforeAck, StringComparison.Ordinal);
        Assert.DoesNotContain("echo-eenmaal-opgehaald", beforeSweep, StringComparison.Ordinal);
        Assert.Contains("echo-nooit-opgehaald", beforeSweep, StringComparison.Ordinal);
        Assert.DoesNotContain("echo-nooit-opgehaald", afterSweep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_OverCapacity_OldestDropped()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:MaxQueuedActivities"] = "5" });
        var client = await DirectLineClient.StartAsync(bot);

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync("help");
        }

        var activities = await client.PollAsync();

        Assert.Equal(5, activities.Count);
        Assert.Equal(client.Watermark, long.Parse(activities[^1]["id"]!.GetValue<string>().Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"type":"message"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","text":"hoi","attachments":[{"contentType":"image/png","contentUrl":"http://x"}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","value":"not an object"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"typing"}""", HttpStatusCode.OK)]
    public async Task PostActivity_Malformed_DocumentedStatus(string body, HttpStatusCode expected)
    {
        await using var bot = await BotHost.StartAsync();
        var client = await DirectLineClient.StartAsync(bot);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_TooLarge_413()
    {
        await using var bot = await BotHost.StartAsync();
        var client = await DirectLineClient.StartAsync(bot);

        await client.SendAsync(new string('a', VpWijzer.Hosting.DirectLineEndpoints.MaxTextLength + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, client.LastStatus);
    }

    [Fact]
    public async Task PostActivity_StoryOf5000Characters_AnsweredAndTheBotSaysItReadTheFirstPart()
    {
        await using var bot = await BotHost.StartAsync();
        var client = await DirectLineClient.StartAsync(bot);
        var story = "Mijn leidinggevende kleineert me steeds in het overleg waar iedereen bij is. ";
        var text = string.Concat(Enumerable.Repeat(story, (5000 / story.Length) + 1))[..5000];

        await client.SendAsync(text);
        var sent = client.LastStatus;
        var replies = await client.PollAsync();

        Assert.Equal(HttpStatusCode.OK, sent);
        var texts = replies.Select(r => r["text"]?.GetValue<string>() ?? "").ToList();
        Assert.Contains(texts, t => t.Contains("ik lees de eerste 4.000 tekens", StringComparison.Ordinal));
        Assert.NotEmpty(DirectLineClient.Cards(replies));
    }

    [Fact]
    public async Task OneConversation_OverItsBurst_429_OtherConversationUnaffected()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Endpoint:PerConversationBurst"] = "3", ["Endpoint:PerConversationPerMinute"] = "1" });
        var busy = await DirectLineClient.StartAsync(bot);
        var other = await DirectLineClient.StartAsync(bot);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            await busy.SendAsync("help");
            statuses.Add(busy.LastStatus);
        }

        await other.SendAsync("help");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.LastStatus);
    }

    [Fact]
    public async Task OneClientIp_OverItsStartBurst_429()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:StartsPerIpBurst"] = "3", ["Chat:StartsPerIpPerMinute"] = "1" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/tokens/generate", null, null)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task OneClientIp_OverItsRequestBurst_429()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:RequestsPerIpBurst"] = "6", ["Chat:RequestsPerIpPerSecond"] = "1" });
        var client = await DirectLineClient.StartAsync(bot);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await GetAsync(bot, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 7);
    }

    [Fact]
    public async Task TooManyConversations_StartsRefused503WithTheKindText_TokenPageToo()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:MaxConversations"] = "10", ["Chat:StartsPerIpPerMinute"] = "0" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/conversations", null, null)).Status);
        }

        using var refused = await bot.Http.PostAsync("/v3/directline/conversations", null);
        var generate = await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/tokens/generate", null, null);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("ServiceUnavailable", error["code"]!.GetValue<string>());
        Assert.Equal(VpWijzer.Hosting.DirectLineEndpoints.FullMessage, error["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, generate.Status);
        Assert.Equal(10, bot.Services.GetRequiredService<DirectLineConversations>().Count);
    }

    [Fact]
    public async Task Cors_OnlyForConfiguredIntranetOrigins()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:AllowedOrigins:0"] = "https://intranet.gemeente.example" });

        using var allowedPreflight = await PreflightAsync(bot, "https://intranet.gemeente.example");
        using var otherPreflight = await PreflightAsync(bot, "https://evil.example");
        using var allowedPost = await PostWithOriginAsync(bot, "https://intranet.gemeente.example");
        using var otherPost = await PostWithOriginAsync(bot, "https://evil.example");

        Assert.Equal("https://intranet.gemeente.example", allowedPreflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", string.Join(",", allowedPreflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(otherPreflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://intranet.gemeente.example", allowedPost.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(otherPost.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_NoOriginsConfigured_NoCorsHeaders()
    {
        await using var bot = await BotHost.StartAsync();

        using var preflight = await PreflightAsync(bot, "https://intranet.gemeente.example");

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Disabled_NoChannelNoPage()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:Enabled"] = "false" });

        var generate = await DirectLineClient.PostJsonAsync(bot.Http, "/v3/directline/tokens/generate", null, null);
        using var page = await bot.Http.GetAsync("/chat");

        Assert.Equal(HttpStatusCode.NotFound, generate.Status);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData("intranet.gemeente.example")]
    [InlineData("https://intranet.gemeente.example/pad")]
    [InlineData("https://a.example; script-src *")]
    public async Task InvalidAllowedOrigin_RefusesToStart(string origin)
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Chat:AllowedOrigins:0"] = origin });
        });
    }

    private static async Task<HttpStatusCode> GetAsync(BotHost bot, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await bot.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PreflightAsync(BotHost bot, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/tokens/generate");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await bot.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostWithOriginAsync(BotHost bot, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Add("Origin", origin);
        return await bot.Http.SendAsync(request);
    }
}

/// <summary>The system clock, moved forward on demand (wall clock and timestamps alike).</summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => Stopwatch.GetTimestamp() + (long)(Interlocked.Read(ref _offsetTicks) * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));

    public override long TimestampFrequency => Stopwatch.Frequency;
}
