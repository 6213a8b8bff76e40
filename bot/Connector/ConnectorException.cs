using System.Globalization;
using System.Net;

namespace VpWijzer.Connector;

/// <summary>
/// A Bot Connector call failed after the retries the pipeline allows. Carries the operation name and
/// the HTTP status code only.
/// </summary>
/// <remarks>
/// Privacy: request and response bodies may contain what a user wrote, so they never go into this
/// exception's message or data. Callers decide what to tell the user from <see cref="StatusCode"/>.
/// </remarks>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ConnectorException()
        : base("A Bot Connector call failed.")
    {
    }

    /// <summary>Creates an exception with the given message (which must not contain user text).</summary>
    /// <param name="message">The message.</param>
    public ConnectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">The message (which must not contain user text).</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed operation.</summary>
    /// <param name="operation">Operation name, e.g. <c>SendToConversation</c>.</param>
    /// <param name="statusCode">The final HTTP status, or null when no response arrived (timeout, network).</param>
    /// <param name="innerException">The transport exception, if any.</param>
    public ConnectorException(string operation, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(CreateMessage(operation, statusCode), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    /// <summary>The operation that failed, e.g. <c>ReplyToActivity</c>.</summary>
    public string? Operation { get; }

    /// <summary>The final HTTP status code, or null when no response arrived (timeout or network error).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// True when trying again later may succeed: no response, throttling (429, or the local send queue
    /// being full), 412 or a gateway error.
    /// </summary>
    public bool IsTransient => StatusCode is null || ConnectorResilience.IsRetryableStatus(StatusCode.Value);

    private static string CreateMessage(string operation, HttpStatusCode? statusCode) =>
        statusCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"Bot Connector {operation} failed with HTTP {(int)code} ({code}).")
            : string.Create(CultureInfo.InvariantCulture, $"Bot Connector {operation} failed without an HTTP response (timeout or network error).");
}
