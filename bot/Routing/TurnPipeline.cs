using Microsoft.Extensions.Logging;
using VpWijzer.Protocol;

namespace VpWijzer.Routing;

/// <summary>Runs middleware in order, then the router; turns exceptions into a kind message.</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, Router router, ITurnErrorReporter errors, ILogger<TurnPipeline> logger)
{
    private readonly ITurnMiddleware[] _middleware = middleware.ToArray();

    public async Task<TurnResult> RunAsync(Activity activity, IServiceProvider services, CancellationToken ct, Func<Activity, CancellationToken, Task>? sendNow = null)
    {
        var context = new TurnContext(activity, services, ct) { SendNow = sendNow };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outer = System.Diagnostics.Activity.Current;
        var span = Telemetry.BotTelemetry.StartTurn(activity.ChannelId, activity.Type);
        try
        {
            await RunFromAsync(context, 0).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Out of time (Endpoint:TurnTimeout, e.g. a slow Graph): the user gets the kind "sorry", never nothing.
            Log.TurnTimedOut(logger, activity.Type ?? "unknown");
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            return Apology(activity, services, context.Language);
        }
#pragma warning disable CA1031 // The user must always get an answer; the exception type is logged, never its message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.TurnFailed(logger, ex.GetType().Name, activity.Type ?? "unknown");
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            return Apology(activity, services, context.Language);
        }
        finally
        {
            Telemetry.BotTelemetry.TurnDone(activity.ChannelId, activity.Type, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            span?.Dispose();
            System.Diagnostics.Activity.Current = outer;
        }

        return new TurnResult(context.Replies, context.InvokeResponse) { DeliveryCallbacks = context.DeliveryCallbacks };
    }

    /// <summary>The kind "sorry" for a turn that could not run (it failed, or ran out of time).</summary>
    public TurnResult Apology(Activity activity, IServiceProvider services, State.Language language)
    {
        var fallback = new TurnContext(activity, services, CancellationToken.None) { Language = language };
        errors.Report(fallback);
        return new TurnResult(fallback.Replies, activity.Type == ActivityTypes.Invoke ? fallback.InvokeResponse ?? new InvokeResponse(200, null) : null);
    }

    private Task RunFromAsync(TurnContext context, int index) =>
        index < _middleware.Length
            ? _middleware[index].InvokeAsync(context, () => RunFromAsync(context, index + 1))
            : router.RouteAsync(context);
}

/// <summary>Tells the user, kindly and without details, that something went wrong.</summary>
public interface ITurnErrorReporter
{
    void Report(TurnContext context);
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} for a {ActivityType} activity")]
    public static partial void TurnFailed(ILogger logger, string exceptionType, string activityType);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Turn ran out of time for a {ActivityType} activity; the user got the apology")]
    public static partial void TurnTimedOut(ILogger logger, string activityType);
}
