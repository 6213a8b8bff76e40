using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VpWijzer.Auth;
using VpWijzer.Protocol;
using VpWijzer.Routing;

namespace VpWijzer.Hosting;

/// <summary><c>POST /api/messages</c>: read, authenticate, run the turn, deliver, answer.</summary>
public static class ActivityEndpoint
{
    public const string Path = "/api/messages";

    public const string PerIpPolicy = "per-ip";

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).RequireRateLimiting(PerIpPolicy);

        // The Agents Playground probes the endpoint with HEAD before it starts.
        endpoints.MapMethods(Path, [HttpMethods.Head, HttpMethods.Get], (HttpContext http, IOptions<BotAuthOptions> auth) =>
            auth.Value.IsDevelopmentMode && !IsLoopback(http) ? Results.StatusCode(403) : Results.StatusCode(http.Request.Method == HttpMethods.Head ? 200 : 405));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<BotAuthOptions> authOptions,
        IOptions<EndpointOptions> endpointOptions,
        IInboundTokenValidator validator,
        TurnPipeline pipeline,
        ReplyDelivery delivery,
        ConversationTurnLock turnLock,
        ConversationRateLimiter conversationLimiter,
        VpWijzer.State.ConversationStateAccessor stateKeys,
        VpWijzer.Connector.ServiceUrlPolicy serviceUrls,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("VpWijzer.Hosting.ActivityEndpoint");
        var ct = http.RequestAborted;
        var devMode = authOptions.Value.IsDevelopmentMode;
        if (devMode && !IsLoopback(http))
        {
            Log.RejectedNonLoopback(logger);
            return Results.StatusCode(403);
        }

        var (activity, status) = await ActivityRequest.ReadActivityAsync(http.Request, endpointOptions.Value.MaxActivityBytes, ct).ConfigureAwait(false);
        if (activity is null)
        {
            return Results.StatusCode(status);
        }

        if (!devMode)
        {
            var auth = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), activity.ServiceUrl, activity.ChannelId, ct).ConfigureAwait(false);
            if (!auth.IsAuthenticated)
            {
                Log.Unauthorized(logger, auth.Failure.ToString());
                return Results.StatusCode(401);
            }
        }

        // Replies go to the activity's serviceUrl with our token: only to Bot Connector hosts we trust (in development
        // mode, where nobody vouches for it, only back to this machine). A token's serviceurl claim is not enough:
        // an Entra token may have none.
        if (!string.IsNullOrEmpty(activity.ServiceUrl) && !serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            Log.RejectedServiceUrl(logger);
            return Results.StatusCode(403);
        }

        if (!IsSupported(activity.Type))
        {
            return Results.Ok();
        }

        if (activity.Conversation?.Id is null || string.IsNullOrEmpty(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return Results.StatusCode(400);
        }

        if (!conversationLimiter.TryAcquire(activity.ChannelId ?? string.Empty, activity.Conversation.Id))
        {
            http.Response.Headers.RetryAfter = "5";
            return Results.StatusCode(429);
        }

        TurnResult result;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(endpointOptions.Value.TurnTimeout);
            try
            {
                using var held = await turnLock.AcquireAsync(activity.ChannelId ?? string.Empty, activity.Conversation.Id, timeout.Token).ConfigureAwait(false);
                result = await pipeline.RunAsync(activity, http.RequestServices, timeout.Token, delivery.SendNowAsync).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // The conversation's previous turn held the lock past the timeout: still a kind answer, never a 500.
                result = pipeline.Apology(activity, http.RequestServices, Dialogs.LanguageMiddleware.FromLocale(activity.Locale));
            }
        }

        var undelivered = await delivery.DeliverAsync(result, ct).ConfigureAwait(false);
        if (undelivered > 0 && activity.Type == ActivityTypes.Message)
        {
            try
            {
                await stateKeys.MarkUndeliveredAsync(stateKeys.KeyFor(activity.ChannelId ?? string.Empty, activity.Conversation.Id), ct).ConfigureAwait(false);
            }
            catch (VpWijzer.State.StateStoreUnavailableException)
            {
                // Nothing more to do: the user will simply not get the note.
            }
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            // Teams shows an error for an adaptiveCard/action without a body; the replies already went out as messages.
            var invoke = result.InvokeResponse ?? (activity.Name == InvokeNames.AdaptiveCardAction
                ? new InvokeResponse(200, new AdaptiveCardInvokeResponse { Type = ContentTypes.ActivityMessage, Value = JsonSerializer.SerializeToElement(string.Empty, ProtocolJsonContext.Default.String) })
                : new InvokeResponse(200, null));
            return invoke.Body is null
                ? Results.StatusCode(invoke.Status)
                : Results.Json(invoke.Body, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: invoke.Status);
        }

        return Results.Ok();
    }

    private static bool IsSupported(string? type) => type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;

    internal static bool IsLoopback(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }
}
