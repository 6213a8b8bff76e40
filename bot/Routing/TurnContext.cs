using VpWijzer.Cards;
using VpWijzer.Protocol;
using VpWijzer.State;

namespace VpWijzer.Routing;

/// <summary>One turn: the incoming activity, the conversation's state, and what the bot answers.</summary>
public sealed class TurnContext(Activity activity, IServiceProvider services, CancellationToken cancellationToken)
{
    private readonly List<Activity> _replies = [];
    private readonly List<(Activity Reply, Func<string, CancellationToken, Task> Callback)> _onDelivered = [];
    private bool _typingSent;

    public Activity Activity { get; } = activity;

    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The conversation's state, loaded before routing and saved after.</summary>
    public ConversationState State { get; set; } = new();

    /// <summary>Set when the state should be deleted rather than saved (e.g. "stop").</summary>
    public bool ForgetState { get; set; }

    /// <summary>The language of this turn's answers.</summary>
    public Language Language { get; set; } = Language.Nl;

    /// <summary>Messages to deliver, in order.</summary>
    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>For invokes: what goes back in the HTTP body.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>True when this turn came from a card button (Action.Submit or Action.Execute).</summary>
    public bool IsCardAction { get; set; }

    /// <summary>What the crisis screener said about this turn's text (set by the crisis middleware), or null when it did not run.</summary>
    public Knowledge.SafetyAssessment? Safety { get; set; }

    public T GetService<T>()
        where T : notnull => (T)(Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"Service {typeof(T).Name} is not registered."));

    /// <summary>Callbacks to run with the channel's id of a reply once it was delivered.</summary>
    public IReadOnlyList<(Activity Reply, Func<string, CancellationToken, Task> Callback)> DeliveryCallbacks => _onDelivered;

    public void Send(Activity activity) => _replies.Add(activity);

    /// <summary>Sends at once, before the turn ends (set by the endpoint; null where nothing can be sent early).</summary>
    public Func<Activity, CancellationToken, Task>? SendNow { get; set; }

    /// <summary>
    /// Shows "…is typing" before a step that waits on calendars or Graph (seconds with real Graph). Once per turn;
    /// a failure to send it changes nothing.
    /// </summary>
    public async Task TypingAsync()
    {
        if (SendNow is null || _typingSent)
        {
            return;
        }

        _typingSent = true;
        var typing = Activity.CreateReply();
        typing.Type = ActivityTypes.Typing;
        typing.Locale = null;
        try
        {
            await SendNow(typing, CancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Only a courtesy: whatever stops it from arriving must not stop the turn.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Queues a reply with one Adaptive Card; <paramref name="summary"/> is the notification text.</summary>
    public Activity SendCard(AdaptiveCard card, string summary) => SendCard(CardSerializer.ToJsonElement(card), summary);

    /// <summary>Queues a card already serialised (e.g. a cached answer card: a <see cref="System.Text.Json.JsonElement"/> is immutable).</summary>
    public Activity SendCard(System.Text.Json.JsonElement card, string summary)
    {
        var reply = Activity.CreateReply();
        reply.Summary = summary;
        reply.Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }];
        _replies.Add(reply);
        return reply;
    }

    /// <summary>Runs <paramref name="callback"/> with the id the channel gives <paramref name="reply"/> (e.g. to update that card later).</summary>
    public void OnDelivered(Activity reply, Func<string, CancellationToken, Task> callback) => _onDelivered.Add((reply, callback));

    /// <summary>Queues a plain text reply. Never pass user text here.</summary>
    public void SendText(string text)
    {
        var reply = Activity.CreateReply();
        reply.Text = text;
        reply.TextFormat = "markdown";
        _replies.Add(reply);
    }
}

/// <summary>What a turn produced.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse)
{
    public IReadOnlyList<(Activity Reply, Func<string, CancellationToken, Task> Callback)> DeliveryCallbacks { get; init; } = [];
}
