using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpWijzer.Knowledge;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Figures;

public sealed class FiguresOptions
{
    public const string Section = "Figures";

    /// <summary>"Redis", "File" or "Memory"; empty = Redis when State:Store is Redis, else File.</summary>
    public string? Store { get; set; }

    /// <summary>The JSON file in File mode; empty = App_Data/figures.json under the content root.</summary>
    public string? File { get; set; }

    /// <summary>Cells below this are shown as "&lt; N" (and protected by complementary suppression).</summary>
    [System.ComponentModel.DataAnnotations.Range(2, 100)]
    public int Threshold { get; set; } = 5;

    /// <summary>How long chart and CSV links work.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Chart and CSV downloads per minute per client IP (0 = no limit): a CVP opens a handful, a chart costs CPU to draw.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 10_000)]
    public int RequestsPerIpPerMinute { get; set; } = 30;

    /// <summary>
    /// The writer waits this long after each write, so counts coalesce: a few store writes per second
    /// however busy the bot is, instead of one per question.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WriteInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Months start and end in this time zone.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}

/// <summary>
/// Counts events for the anonymous figures. Never throws and never waits: increments go into a
/// queue that <see cref="FiguresWriter"/> writes to the store, so counting can never fail or slow
/// down anyone's turn. Only closed-list ids reach a counter (see <see cref="FigureKeys"/>).
/// Questions, self-checks and crisis cards count at most once per conversation and month
/// (<see cref="CountedOnce"/>): the figures say how many conversations asked, not how many messages.
/// </summary>
public sealed partial class FiguresRecorder(IOptions<FiguresOptions> options, TimeProvider time, ILogger<FiguresRecorder> logger)
{
    /// <summary>Conversation-and-counter pairs remembered per instance (16 bytes each, plus the set's own overhead).</summary>
    internal const int OnceCapacity = 200_000;

    private readonly Channel<(string Month, string Field, long Delta)> _queue = Channel.CreateBounded<(string, string, long)>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);
    private readonly CountedOnce _once = new(OnceCapacity);
    private long _enqueued;
    private long _written;

    internal ChannelReader<(string Month, string Field, long Delta)> Reader => _queue.Reader;

    internal int RememberedOnce => _once.Count;

    /// <summary>An answer was shown for a topic; counted once per conversation (when known), topic and month.</summary>
    public void Question(string? channelId, string? conversationId, string topicId)
    {
        if (topicId == TopicIds.Crisis)
        {
            CrisisShown(channelId, conversationId);
            return;
        }

        if (topicId is TopicIds.Help or TopicIds.Book || !TopicIds.All.Contains(topicId))
        {
            return;
        }

        CountOnce(conversationId, FigureKeys.Field(FigureKeys.Question, FigureChannels.From(channelId), topicId));
    }

    public void SelfCheckCompleted(string? channelId, string? conversationId) => CountOnce(conversationId, FigureKeys.Field(FigureKeys.SelfCheck, FigureChannels.From(channelId)));

    public void CrisisShown(string? channelId, string? conversationId) => CountOnce(conversationId, FigureKeys.Field(FigureKeys.Crisis, FigureChannels.From(channelId)));

    /// <summary>A new booking: per VP, mode, named or anonymous, the topic they chose to share, and its minutes (for hours against the budget).</summary>
    public void Booked(string? channelId, BookingRecord record)
    {
        var channel = FigureChannels.From(channelId);
        var mode = record.Mode.ToLowerInvariant();
        Count(FigureKeys.Field(FigureKeys.Booking, channel, record.VpId, mode, record.Anonymous ? FigureKeys.Anonymous : FigureKeys.Named));
        var shared = record.SharedTopic is { } t && TopicIds.All.Contains(t) ? t : FigureKeys.NoTopic;
        Count(FigureKeys.Field(FigureKeys.Shared, channel, shared));
        var minutes = (long)Math.Round((record.End - record.Start).TotalMinutes);
        if (minutes is > 0 and <= 24 * 60)
        {
            Count(FigureKeys.Field(FigureKeys.Minutes, record.VpId), minutes);
        }
    }

    public void VpAction(string vpId, string action)
    {
        if (VpActions.All.Contains(action))
        {
            Count(FigureKeys.Field(FigureKeys.VpAction, vpId, action));
        }
    }

    /// <summary>Waits until everything counted so far is in the store (tests; shutdown).</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _enqueued);
        var until = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _written) < target && DateTime.UtcNow < until)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    internal void MarkWritten(int count) => Interlocked.Add(ref _written, count);

    private void CountOnce(string? conversationId, string? field)
    {
        if (field is not null && !string.IsNullOrEmpty(conversationId)
            && !_once.TryMark(FigureKeys.Month(time.GetUtcNow(), _zone), conversationId, field))
        {
            return;
        }

        Count(field);
    }

    private void Count(string? field, long delta = 1)
    {
        if (field is null)
        {
            LogRefused(logger);
            return;
        }

        if (_queue.Writer.TryWrite((FigureKeys.Month(time.GetUtcNow(), _zone), field, delta)))
        {
            Interlocked.Increment(ref _enqueued);
        }
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    internal TimeZoneInfo Zone => _zone;

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "A figure was not counted because its name is not a plain id")]
    private static partial void LogRefused(ILogger logger);
}

/// <summary>Writes queued increments to the store in small batches; a store error loses those counts, never a turn.</summary>
public sealed partial class FiguresWriter(FiguresRecorder recorder, IFiguresStore store, IOptions<FiguresOptions> options, TimeProvider time, ILogger<FiguresWriter> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await DrainAsync(stoppingToken).ConfigureAwait(false);
                if (options.Value.WriteInterval > TimeSpan.Zero)
                {
                    await Task.Delay(options.Value.WriteInterval, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is left without the stopping token.
            await DrainAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        var batch = new List<(string Month, string Field, long Delta)>();
        while (batch.Count < 20_000 && recorder.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        if (batch.Count == 0)
        {
            return;
        }

        foreach (var month in batch.GroupBy(b => b.Month))
        {
            var deltas = month.GroupBy(b => b.Field).ToDictionary(g => g.Key, g => g.Sum(x => x.Delta), StringComparer.Ordinal);
            try
            {
                await store.IncrementAsync(month.Key, deltas, ct).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Counting must never take the bot down; the exception type is logged, never a count or a field.
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogStoreFailed(logger, ex.GetType().Name);
            }
        }

        recorder.MarkWritten(batch.Count);
    }

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Figures could not be stored ({ExceptionType}); these counts are lost")]
    private static partial void LogStoreFailed(ILogger logger, string exceptionType);
}

/// <summary>One-line counting from dialog code; does nothing when figures are not set up.</summary>
public static class FiguresTurnExtensions
{
    public static void CountQuestion(this TurnContext context, string topicId) =>
        (context.Services.GetService(typeof(FiguresRecorder)) as FiguresRecorder)?.Question(context.Activity.ChannelId, context.Activity.Conversation?.Id, topicId);

    public static void CountSelfCheck(this TurnContext context) =>
        (context.Services.GetService(typeof(FiguresRecorder)) as FiguresRecorder)?.SelfCheckCompleted(context.Activity.ChannelId, context.Activity.Conversation?.Id);

    public static void CountCrisis(this TurnContext context) =>
        (context.Services.GetService(typeof(FiguresRecorder)) as FiguresRecorder)?.CrisisShown(context.Activity.ChannelId, context.Activity.Conversation?.Id);
}
