namespace VpWijzer.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Intranet chat: the maximum number of live conversations is reached; a new one was refused")]
    public static partial void ChatFull(ILogger logger);
}
