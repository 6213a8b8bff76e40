using Microsoft.Extensions.Logging;

namespace VpWijzer.Auth;

/// <summary>Log messages of the Auth area. Only reasons and enums: never tokens, claims or ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Inbound token rejected: {Failure}")]
    public static partial void TokenRejected(ILogger logger, InboundAuthFailure failure);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Signing key not in cached {TokenKind} metadata; refreshing once")]
    public static partial void SigningKeyRefresh(ILogger logger, InboundTokenKind tokenKind);
}
