using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpWijzer.Protocol;

namespace VpWijzer.Connector;

/// <summary>
/// The Bot Connector REST API (v3) over a typed <see cref="HttpClient"/> whose handler chain holds
/// the one retry layer (<see cref="ConnectorResilience"/>) and the token handler. Never logs or
/// throws anything from request or response bodies.
/// </summary>
/// <remarks>https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference</remarks>
public sealed class ConnectorClient : IConnectorClient
{
    private readonly HttpClient _http;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ConnectorOptions _options;
    private readonly ConversationSendPacer _pacer;
    private readonly ServiceUrlPolicy _serviceUrls;

    public ConnectorClient(HttpClient http, IOptions<ConnectorOptions> options, ServiceUrlPolicy serviceUrls, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        _http = http;
        _serviceUrls = serviceUrls;
        _options = options.Value;
        _logger = logger;
        _pacer = new ConversationSendPacer(_options.SendsPerSecondPerConversation, _options.SendBurstPerConversation, _options.SendQueueLimitPerConversation, time);
    }

    public Task<ResourceResponse?> ReplyToActivityAsync(Activity reply, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(reply.ReplyToId))
        {
            return SendToConversationAsync(reply, ct);
        }

        var uri = Uri(reply.ServiceUrl, $"v3/conversations/{Escape(reply.Conversation?.Id)}/activities/{Escape(reply.ReplyToId)}");
        return SendActivityAsync("ReplyToActivity", HttpMethod.Post, uri, reply, ct);
    }

    public Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken ct)
    {
        var uri = Uri(activity.ServiceUrl, $"v3/conversations/{Escape(activity.Conversation?.Id)}/activities");
        return SendActivityAsync("SendToConversation", HttpMethod.Post, uri, activity, ct);
    }

    public async Task UpdateActivityAsync(Activity activity, CancellationToken ct)
    {
        var uri = Uri(activity.ServiceUrl, $"v3/conversations/{Escape(activity.Conversation?.Id)}/activities/{Escape(activity.Id)}");
        await SendActivityAsync("UpdateActivity", HttpMethod.Put, uri, activity, ct).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        var uri = Uri(serviceUrl, "v3/conversations");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(parameters, ProtocolJsonContext.Default.ConversationParameters) };
        var result = await SendAsync("CreateConversation", request, ProtocolJsonContext.Default.ConversationResourceResponse, allowNotFound: false, ct).ConfigureAwait(false);
        return result ?? new ConversationResourceResponse();
    }

    public Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        var uri = Uri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}");
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return SendAndDisposeAsync("GetMember", request, ProtocolJsonContext.Default.TeamsChannelAccount, allowNotFound: true, ct);
    }

    private async Task<ResourceResponse?> SendActivityAsync(string operation, HttpMethod method, Uri uri, Activity activity, CancellationToken ct)
    {
        // Teams allows about 7 messages per second per conversation: wait for a token instead of earning 429s.
        await AcquireAsync(activity.Conversation?.Id ?? string.Empty, operation, ct).ConfigureAwait(false);
        var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(activity, ProtocolJsonContext.Default.Activity) };
        return await SendAndDisposeAsync(operation, request, ProtocolJsonContext.Default.ResourceResponse, allowNotFound: false, ct).ConfigureAwait(false);
    }

    private async Task<T?> SendAndDisposeAsync<T>(string operation, HttpRequestMessage request, JsonTypeInfo<T> type, bool allowNotFound, CancellationToken ct)
        where T : class
    {
        using (request)
        {
            return await SendAsync(operation, request, type, allowNotFound, ct).ConfigureAwait(false);
        }
    }

    private async Task<T?> SendAsync<T>(string operation, HttpRequestMessage request, JsonTypeInfo<T> type, bool allowNotFound, CancellationToken ct)
        where T : class
    {
        request.Options.Set(ConnectorResilience.OperationKey, operation);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            Log.FailedWithoutResponse(_logger, operation, ex.GetType().Name);
            throw new ConnectorException(operation, null, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.Failed(_logger, operation, status);
                throw new ConnectorException(operation, response.StatusCode);
            }

            Log.Succeeded(_logger, operation, status);
            if (response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(type, ct).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                Log.UnreadableResponse(_logger, operation, status);
                return null;
            }
        }
    }

    private async Task AcquireAsync(string conversationId, string operation, CancellationToken ct)
    {
        if (!await _pacer.WaitTurnAsync(conversationId, ct).ConfigureAwait(false))
        {
            Log.SendQueueFull(_logger, operation);
            throw new ConnectorException(operation, HttpStatusCode.TooManyRequests);
        }
    }

    private Uri Uri(string? serviceUrl, string relative)
    {
        if (string.IsNullOrEmpty(serviceUrl) || !System.Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri) || (baseUri.Scheme != "https" && baseUri.Scheme != "http"))
        {
            throw new ConnectorException("the serviceUrl is not an absolute http(s) URL");
        }

        // Refused before the send pacer and the retry layer; the token handler checks again.
        if (!_serviceUrls.IsAllowed(baseUri))
        {
            Log.ServiceUrlRefused(_logger);
            throw new ConnectorException("the serviceUrl host is not on Connector:AllowedServiceUrlHosts");
        }

        return new Uri(baseUri, relative);
    }

    private static string Escape(string? id) =>
        string.IsNullOrEmpty(id) ? throw new ConnectorException("a conversation or activity id is missing") : System.Uri.EscapeDataString(id);
}
