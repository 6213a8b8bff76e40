namespace VpWijzer.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Intranet chat: the maximum number of live conversations or the memory budget of unread queues is reached; new conversations are refused (this warning at most once a minute)")]
    public static partial void ChatFull(ILogger logger);
}
