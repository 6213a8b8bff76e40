using Microsoft.Extensions.Logging;

namespace VpWijzer.Connector;

/// <summary>
/// Log lines of the Connector area. Privacy: operation names, status codes and attempt numbers only —
/// never URLs (they hold conversation ids), ids, message text, names or tokens.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Bot Connector {Operation} attempt {Attempt} failed with status {StatusCode}; retrying")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, int? statusCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Bot Connector {Operation} failed with status {StatusCode}")]
    public static partial void Failed(ILogger logger, string operation, int statusCode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Bot Connector {Operation} failed without a response ({Reason})")]
    public static partial void FailedWithoutResponse(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Bot Connector {Operation} rejected locally: the conversation's send queue is full")]
    public static partial void SendQueueFull(ILogger logger, string operation);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Could not get an outgoing Bot Connector token ({Reason})")]
    public static partial void TokenFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Outgoing Bot Connector calls use {Mode}")]
    public static partial void TokenMode(ILogger logger, string mode);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "Bot Connector {Operation} answered {StatusCode}")]
    public static partial void Succeeded(ILogger logger, string operation, int statusCode);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Bot Connector {Operation} answered {StatusCode} with a body that could not be read")]
    public static partial void UnreadableResponse(ILogger logger, string operation, int statusCode);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Bot Connector call refused: the serviceUrl host is not on Connector:AllowedServiceUrlHosts")]
    public static partial void ServiceUrlRefused(ILogger logger);
}
