using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VpWijzer.Chat;
using VpWijzer.Protocol;
using VpWijzer.Routing;

namespace VpWijzer.Hosting;

/// <summary>
/// A Direct Line 3.0–compatible channel for the official Web Chat client (polling, no WebSocket):
/// the bot itself is the channel, so replies are queued for the page instead of posted to a connector.
/// </summary>
/// <remarks>REST shapes: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference</remarks>
public static partial class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public const string StartPolicy = "chat-start";

    public const string PerIpPolicy = "chat-per-ip";

    public const string CorsPolicy = "chat";

    /// <summary>The bot's account on this channel.</summary>
    public const string BotId = "vp-wijzer";

    /// <summary>serviceUrl of activities on this channel: a marker only, nothing is ever posted to it.</summary>
    public const string InternalServiceUrl = "urn:vp-wijzer:directline";

    /// <summary>Longest message text accepted from the page (Web Chat has no limit of its own).</summary>
    /// <summary>
    /// The longest message the chat accepts (413 above it; the page's counter warns well before). Longer than
    /// <see cref="Dialogs.LongMessageMiddleware.ReadLength"/> is welcome: the bot reads the first part and says so.
    /// </summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The text of a refused start (503), the same words as the page's own notice.</summary>
    public const string FullMessage = "De chat is nu niet bereikbaar. Probeer het later nog eens. / The chat is not available right now. Please try again later.";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).RequireCors(CorsPolicy).RequireRateLimiting(PerIpPolicy);
        group.MapPost("/tokens/generate", Generate).RequireRateLimiting(StartPolicy);
        group.MapPost("/conversations", StartAsync).RequireRateLimiting(StartPolicy);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        return endpoints;
    }

    /// <summary>
    /// A token for a new conversation; the page needs no secret, this channel is anonymous by design. Only the
    /// token exists until it is first used: a flood of unused tokens costs no memory and takes no one's place.
    /// </summary>
    private static IResult Generate(HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, ILoggerFactory loggers)
    {
        if (!conversations.HasRoom())
        {
            return Full(http, conversations, loggers);
        }

        return ConversationResult(DirectLineConversations.NewConversationId(), tokens, 200);
    }

    /// <summary>Starts the conversation of the token (Web Chat), or a new one when there is no token; the bot says welcome.</summary>
    private static async Task<IResult> StartAsync(
        HttpContext http,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<EndpointOptions> endpointOptions,
        TurnPipeline pipeline,
        ConversationTurnLock turnLock,
        ILoggerFactory loggers)
    {
        DirectLineConversation? conversation;
        if (http.Request.Headers.Authorization.Count == 0)
        {
            conversation = conversations.TryCreate();
        }
        else
        {
            var (bound, error) = ValidateToken(http, null, tokens);
            if (bound is null)
            {
                return error!;
            }

            conversation = conversations.FindOrCreate(bound);
        }

        if (conversation is null)
        {
            return Full(http, conversations, loggers);
        }

        var locale = await ReadStartLocaleAsync(http).ConfigureAwait(false);
        if (conversation.TryStart())
        {
            var update = Inbound(conversation, ActivityTypes.ConversationUpdate, locale);
            update.MembersAdded = [new ChannelAccount { Id = conversation.UserId }];
            await RunTurnAsync(conversation, update, http, endpointOptions.Value, pipeline, turnLock).ConfigureAwait(false);
        }

        return ConversationResult(conversation.Id, tokens, 201);
    }

    /// <summary>
    /// 503 with a Direct Line error body in both languages; the page shows its own kind notice. Logged at most once
    /// a minute, so a flood of refused starts stays cheap.
    /// </summary>
    private static IResult Full(HttpContext http, DirectLineConversations conversations, ILoggerFactory loggers)
    {
        if (conversations.TakeFullWarning())
        {
            Log.ChatFull(loggers.CreateLogger("VpWijzer.Hosting.DirectLine"));
        }

        http.Response.Headers.RetryAfter = "30";
        var json = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = "ServiceUnavailable",
                ["message"] = FullMessage,
            },
        };
        return Results.Text(json.ToJsonString(), "application/json; charset=utf-8", statusCode: 503);
    }

    private static IResult Reconnect(HttpContext http, string conversationId, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (conversation, error) = Authorize(http, conversationId, conversations, tokens);
        return conversation is null ? error! : ConversationResult(conversation.Id, tokens, 200);
    }

    private static IResult Refresh(HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (conversation, error) = Authorize(http, null, conversations, tokens);
        return conversation is null ? error! : ConversationResult(conversation.Id, tokens, 200);
    }

    /// <summary>Polling: acknowledges (and deletes) everything up to the watermark, returns the rest.</summary>
    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (conversation, error) = Authorize(http, conversationId, conversations, tokens);
        if (conversation is null)
        {
            return error!;
        }

        long acknowledged = 0;
        if (!string.IsNullOrEmpty(watermark) && !long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out acknowledged))
        {
            return Results.StatusCode(400);
        }

        var (activities, next) = conversation.Read(acknowledged);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                writer.WriteRawValue(activity, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("watermark", next.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http,
        string conversationId,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<ChatOptions> chatOptions,
        IOptions<EndpointOptions> endpointOptions,
        TurnPipeline pipeline,
        ConversationTurnLock turnLock,
        ConversationRateLimiter conversationLimiter)
    {
        var (conversation, error) = Authorize(http, conversationId, conversations, tokens);
        if (conversation is null)
        {
            return error!;
        }

        var (posted, status) = await ActivityRequest.ReadActivityAsync(http.Request, chatOptions.Value.MaxActivityBytes, http.RequestAborted).ConfigureAwait(false);
        if (posted is null)
        {
            return Results.StatusCode(status);
        }

        if (posted.Type != ActivityTypes.Message)
        {
            // Typing and events are not used by this bot; accept them without a turn.
            return IdResult(conversation.Id + "|ignored");
        }

        var hasText = !string.IsNullOrWhiteSpace(posted.Text);
        var hasValue = posted.Value is { ValueKind: JsonValueKind.Object };
        if ((!hasText && !hasValue) || posted.Attachments is { Count: > 0 } || (posted.Value is not null && !hasValue))
        {
            return Results.StatusCode(400);
        }

        if (posted.Text is { Length: > MaxTextLength })
        {
            return Results.StatusCode(413);
        }

        if (!conversationLimiter.TryAcquire(Channels.DirectLine, conversation.Id))
        {
            http.Response.Headers.RetryAfter = "5";
            return Results.StatusCode(429);
        }

        // The echo is the channel contract (Web Chat marks the message as sent when it sees its
        // clientActivityID come back); it carries only what the page shows, and is deleted as soon
        // as the page acknowledges it.
        var clientActivityId = ClientActivityId(posted.ChannelData);
        var postBack = IsPostBack(posted.ChannelData);
        var echo = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Channels.DirectLine,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = new ChannelAccount { Id = conversation.UserId, Role = "user" },
            Recipient = new ChannelAccount { Id = BotId, Role = "bot" },
            Text = posted.Text,
            TextFormat = "plain",
            Locale = ValidLocale(posted.Locale),
            ChannelData = EchoChannelData(clientActivityId, postBack),
        };

        var inbound = Inbound(conversation, ActivityTypes.Message, ValidLocale(posted.Locale));
        inbound.Text = posted.Text;
        inbound.Value = hasValue ? posted.Value : null;

        string id;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted))
        {
            timeout.CancelAfter(endpointOptions.Value.TurnTimeout);
            IDisposable? held = null;
            TurnResult result;
            try
            {
                held = await turnLock.AcquireAsync(Channels.DirectLine, conversation.Id, timeout.Token).ConfigureAwait(false);
                id = conversation.Append(echo, isEcho: true);
                inbound.Id = id;
                result = await pipeline.RunAsync(inbound, http.RequestServices, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                // The previous turn held the conversation past the timeout: echo the message and say sorry, never a 500.
                id = conversation.Append(echo, isEcho: true);
                result = pipeline.Apology(inbound, http.RequestServices, Dialogs.LanguageMiddleware.FromLocale(inbound.Locale));
            }

            try
            {
                await QueueRepliesAsync(conversation, result, http.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                held?.Dispose();
            }
        }

        return IdResult(id);
    }

    private static async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, HttpContext http, EndpointOptions options, TurnPipeline pipeline, ConversationTurnLock turnLock)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(options.TurnTimeout);
        using var held = await turnLock.AcquireAsync(Channels.DirectLine, conversation.Id, timeout.Token).ConfigureAwait(false);
        var result = await pipeline.RunAsync(activity, http.RequestServices, timeout.Token).ConfigureAwait(false);
        await QueueRepliesAsync(conversation, result, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task QueueRepliesAsync(DirectLineConversation conversation, TurnResult result, CancellationToken ct)
    {
        foreach (var reply in result.Replies)
        {
            reply.ChannelId = Channels.DirectLine;
            reply.ServiceUrl = null;
            reply.Conversation = new ConversationAccount { Id = conversation.Id };
            reply.From = new ChannelAccount { Id = BotId, Name = "VP-wijzer", Role = "bot" };
            reply.Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" };
            var id = conversation.Append(reply);
            foreach (var (_, callback) in result.DeliveryCallbacks.Where(c => ReferenceEquals(c.Reply, reply)))
            {
                await callback(id, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The activity the dialogs see: no identity at all, only the random per-conversation user id.</summary>
    private static Activity Inbound(DirectLineConversation conversation, string type, string? locale) => new()
    {
        Type = type,
        ChannelId = Channels.DirectLine,
        ServiceUrl = InternalServiceUrl,
        Conversation = new ConversationAccount { Id = conversation.Id, ConversationType = "personal" },
        From = new ChannelAccount { Id = conversation.UserId, Role = "user" },
        Recipient = new ChannelAccount { Id = BotId, Name = "VP-wijzer", Role = "bot" },
        Locale = locale,
        Timestamp = DateTimeOffset.UtcNow,
    };

    /// <summary>401 without a token, 403 for a forged, expired or other conversation's token, 404 when the conversation is gone.</summary>
    private static (DirectLineConversation? Conversation, IResult? Error) Authorize(HttpContext http, string? conversationId, DirectLineConversations conversations, DirectLineTokens tokens)
    {
        var (bound, error) = ValidateToken(http, conversationId, tokens);
        if (bound is null)
        {
            return (null, error);
        }

        var conversation = conversations.Find(bound);
        return conversation is null ? (null, Results.StatusCode(404)) : (conversation, null);
    }

    /// <summary>The conversation id the token is bound to; 401 without a token, 403 for a forged, expired or other conversation's token.</summary>
    private static (string? ConversationId, IResult? Error) ValidateToken(HttpContext http, string? conversationId, DirectLineTokens tokens)
    {
        var token = DirectLineTokens.FromHeader(http.Request.Headers.Authorization.ToString());
        if (string.IsNullOrEmpty(token))
        {
            return (null, Results.StatusCode(401));
        }

        var bound = tokens.Validate(token);
        return bound is null || (conversationId is not null && !string.Equals(bound, conversationId, StringComparison.Ordinal))
            ? (null, Results.StatusCode(403))
            : (bound, null);
    }

    private static IResult ConversationResult(string conversationId, DirectLineTokens tokens, int status)
    {
        var json = new JsonObject
        {
            ["conversationId"] = conversationId,
            ["token"] = tokens.Issue(conversationId),
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
        };
        return Results.Text(json.ToJsonString(), "application/json; charset=utf-8", statusCode: status);
    }

    private static IResult IdResult(string id) =>
        Results.Text(new JsonObject { ["id"] = id }.ToJsonString(), "application/json; charset=utf-8");

    private static string? ClientActivityId(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= 100 } value
        && ClientIdPattern().IsMatch(value)
            ? value
            : null;

    private static bool IsPostBack(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("postBack", out var postBack)
        && postBack.ValueKind == JsonValueKind.True;

    private static JsonElement? EchoChannelData(string? clientActivityId, bool postBack)
    {
        if (clientActivityId is null && !postBack)
        {
            return null;
        }

        var data = new JsonObject();
        if (clientActivityId is not null)
        {
            data["clientActivityID"] = clientActivityId;
        }

        if (postBack)
        {
            data["postBack"] = true;
        }

        using var document = JsonDocument.Parse(data.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string? ValidLocale(string? locale) => locale is not null && LocalePattern().IsMatch(locale) ? locale : null;

    private static async Task<string?> ReadStartLocaleAsync(HttpContext http)
    {
        var body = await ActivityRequest.ReadBodyAsync(http.Request, 4096, http.RequestAborted).ConfigureAwait(false);
        if (body is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("locale", out var locale)
                && locale.ValueKind == JsonValueKind.String
                    ? ValidLocale(locale.GetString())
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LocalePattern();

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex ClientIdPattern();
}
