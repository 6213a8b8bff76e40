using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VpWijzer.Protocol;

namespace VpWijzer.Chat;

/// <summary>
/// Live Direct Line conversations on this instance, in memory only: per conversation a random user
/// id and the queue of activities the page has not yet acknowledged (bot replies and the echo of the
/// user's own message). The page acknowledges by polling with a watermark; everything up to it is
/// deleted at once. Echo text that was never acknowledged is blanked after <see cref="EchoTextLifetime"/>,
/// and idle conversations disappear after <see cref="ChatOptions.IdleTtl"/>.
/// </summary>
/// <remarks>
/// Limits, all checked without walking the conversations: their number (<see cref="ChatOptions.MaxConversations"/>)
/// and the bytes of all unread queues (<see cref="ChatOptions.MaxQueuedBytes"/>). Expiry is a sweep on a timer;
/// a refused start may bring the next sweep forward, but at most once per <see cref="MinSweepInterval"/>,
/// so a flood of refused starts stays as cheap as a normal one (security review M2).
/// </remarks>
public sealed class DirectLineConversations
{
    /// <summary>The user's own text stays at most this long in memory when the page never polls again.</summary>
    public static readonly TimeSpan EchoTextLifetime = TimeSpan.FromMinutes(2);

    /// <summary>A refused start sweeps at most this often; the timer sweeps every 15 seconds anyway.</summary>
    public static readonly TimeSpan MinSweepInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Over the byte budget, conversations whose oldest unread activity is at least this old are dropped first:
    /// an open page polls every second and acknowledges what it got on the next poll.
    /// </summary>
    public static readonly TimeSpan UnreadEvictAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly QueueBudget _budget = new();
    private readonly IOptions<ChatOptions> _options;
    private readonly TimeProvider _time;
    private long _lastSweep;
    private long _lastFullWarning;
    private int _sweeps;

    public DirectLineConversations(IOptions<ChatOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _lastSweep = time.GetTimestamp();
        _lastFullWarning = _lastSweep - (long)(time.TimestampFrequency * 3600);
    }

    public int Count => _conversations.Count;

    /// <summary>Bytes held by all unread queues (what <see cref="ChatOptions.MaxQueuedBytes"/> limits).</summary>
    public long QueuedBytes => _budget.Bytes;

    /// <summary>How many sweeps ran (tests: refused starts must not each walk every conversation).</summary>
    internal int Sweeps => Volatile.Read(ref _sweeps);

    /// <summary>A fresh random conversation id (32 hex characters).</summary>
    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when a new conversation may start: fewer than the maximum, and the unread queues under their budget.</summary>
    public bool HasRoom()
    {
        if (!IsFull())
        {
            return true;
        }

        SweepIfDue();
        return !IsFull();
    }

    /// <summary>A new conversation, or null when this instance already holds as many as allowed.</summary>
    public DirectLineConversation? TryCreate() => TryCreate(NewConversationId());

    /// <summary>
    /// The conversation a token names; created on first use. <c>tokens/generate</c> only signs a new id, so tokens
    /// that are never used cost no memory and do not count toward <see cref="ChatOptions.MaxConversations"/>.
    /// Null when it does not exist and there is no room for it.
    /// </summary>
    public DirectLineConversation? FindOrCreate(string conversationId) => Find(conversationId) ?? TryCreate(conversationId);

    /// <summary>The conversation, or null when it never existed or has been idle too long.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (conversation.IdleFor >= _options.Value.IdleTtl)
        {
            Remove(conversation);
            return null;
        }

        conversation.Touch();
        return conversation;
    }

    /// <summary>
    /// Drops idle conversations, blanks stale echo text, and when the unread queues are over budget drops the
    /// conversations that stopped reading, longest-unread first. Returns how many conversations were dropped.
    /// </summary>
    public int Sweep()
    {
        Interlocked.Increment(ref _sweeps);
        Volatile.Write(ref _lastSweep, _time.GetTimestamp());
        var o = _options.Value;
        var dropped = 0;
        foreach (var (_, conversation) in _conversations)
        {
            if (conversation.IdleFor >= o.IdleTtl)
            {
                dropped += Remove(conversation) ? 1 : 0;
            }
            else
            {
                conversation.BlankEchoesOlderThan(EchoTextLifetime);
            }
        }

        if (QueuedBytes > o.MaxQueuedBytes)
        {
            // Down to 90 % so the next few replies do not bring it straight back over.
            var target = o.MaxQueuedBytes / 10 * 9;
            var stale = _conversations.Values
                .Select(c => (Conversation: c, Unread: c.OldestUnreadAge))
                .Where(c => c.Unread >= UnreadEvictAfter)
                .OrderByDescending(c => c.Unread)
                .ToList();
            foreach (var (conversation, _) in stale)
            {
                if (QueuedBytes <= target)
                {
                    break;
                }

                dropped += Remove(conversation) ? 1 : 0;
            }
        }

        return dropped;
    }

    /// <summary>True at most once a minute: a flood of refused starts writes one warning, not thousands.</summary>
    public bool TakeFullWarning()
    {
        var last = Volatile.Read(ref _lastFullWarning);
        var now = _time.GetTimestamp();
        return _time.GetElapsedTime(last, now) >= TimeSpan.FromMinutes(1)
            && Interlocked.CompareExchange(ref _lastFullWarning, now, last) == last;
    }

    /// <summary>Every queued activity as JSON, for the privacy tests.</summary>
    internal IEnumerable<string> SnapshotQueued() => _conversations.Values.SelectMany(c => c.SnapshotQueued());

    private bool IsFull()
    {
        var o = _options.Value;
        return _conversations.Count >= o.MaxConversations || _budget.Bytes >= o.MaxQueuedBytes;
    }

    private DirectLineConversation? TryCreate(string id)
    {
        if (!HasRoom())
        {
            return null;
        }

        var o = _options.Value;
        var created = new DirectLineConversation(id, "dl_" + NewConversationId(), o.MaxQueuedActivities, o.MaxQueuedBytesPerConversation, _budget, _time);

        // Two starts with the same token at once both get the one that was added first.
        return _conversations.GetOrAdd(id, created);
    }

    private void SweepIfDue()
    {
        var last = Volatile.Read(ref _lastSweep);
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(last, now) < MinSweepInterval || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        Sweep();
    }

    private bool Remove(DirectLineConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        conversation.Close();
        return true;
    }
}

/// <summary>The bytes of all unread queues together.</summary>
internal sealed class QueueBudget
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(long delta) => Interlocked.Add(ref _bytes, delta);
}

/// <summary>One Direct Line conversation: ids and the queue of unacknowledged activities.</summary>
public sealed class DirectLineConversation
{
    /// <summary>Counted per queued activity on top of its JSON: the entry object and the array header.</summary>
    internal const int EntryOverheadBytes = 64;

    private readonly Lock _gate = new();
    private readonly List<Entry> _queue = [];
    private readonly int _capacity;
    private readonly int _maxBytes;
    private readonly QueueBudget _budget;
    private readonly TimeProvider _time;
    private long _lastSequence;
    private long _lastUsed;
    private long _queuedBytes;
    private bool _closed;

    internal DirectLineConversation(string id, string userId, int capacity, int maxBytes, QueueBudget budget, TimeProvider time)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        _maxBytes = maxBytes;
        _budget = budget;
        _time = time;
        _lastUsed = time.GetTimestamp();
    }

    public string Id { get; }

    /// <summary>Random per conversation; the bot sees nothing else about the person.</summary>
    public string UserId { get; }

    /// <summary>True once the conversationUpdate (welcome) turn has run.</summary>
    public bool Started { get; private set; }

    /// <summary>Bytes of this conversation's unread queue.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _queuedBytes;
            }
        }
    }

    internal TimeSpan IdleFor => _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    /// <summary>How long the oldest unacknowledged activity has waited; zero when the queue is empty.</summary>
    internal TimeSpan OldestUnreadAge
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count == 0 ? TimeSpan.Zero : _time.GetElapsedTime(_queue[0].Added);
            }
        }
    }

    internal void Touch() => Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());

    /// <summary>Marks the conversation as started; false when it already was.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    /// <summary>
    /// Gives the activity the next id (<c>conversationId|0000001</c>) and a timestamp, and queues it as JSON
    /// (what a poll returns; the activity must not change afterwards).
    /// </summary>
    public string Append(Activity activity, bool isEcho = false)
    {
        lock (_gate)
        {
            var sequence = ++_lastSequence;
            activity.Id = Id + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
            activity.Timestamp = _time.GetUtcNow();
            if (_closed)
            {
                // Dropped while the turn ran: nobody can read it any more.
                return activity.Id;
            }

            var entry = new Entry(sequence, ProtocolJson.Serialize(activity), isEcho ? activity : null, _time.GetTimestamp());
            _queue.Add(entry);
            Account(entry.Size);

            // Oldest first; the newest stays however large it is.
            var drop = 0;
            var bytes = _queuedBytes;
            while (_queue.Count - drop > 1 && (_queue.Count - drop > _capacity || bytes > _maxBytes))
            {
                bytes -= _queue[drop].Size;
                drop++;
            }

            if (drop > 0)
            {
                _queue.RemoveRange(0, drop);
                Account(bytes - _queuedBytes);
            }

            return activity.Id;
        }
    }

    /// <summary>
    /// Deletes everything up to <paramref name="watermark"/> (the page has it) and returns what came
    /// after, with the new watermark.
    /// </summary>
    public (IReadOnlyList<byte[]> Activities, long Watermark) Read(long watermark)
    {
        lock (_gate)
        {
            var acknowledged = 0;
            var freed = 0L;
            while (acknowledged < _queue.Count && _queue[acknowledged].Sequence <= watermark)
            {
                freed += _queue[acknowledged].Size;
                acknowledged++;
            }

            if (acknowledged > 0)
            {
                _queue.RemoveRange(0, acknowledged);
                Account(-freed);
            }

            return (_queue.Select(e => e.Json).ToList(), _queue.Count > 0 ? _queue[^1].Sequence : Math.Min(Math.Max(watermark, 0), _lastSequence));
        }
    }

    internal void BlankEchoesOlderThan(TimeSpan age)
    {
        lock (_gate)
        {
            foreach (var entry in _queue)
            {
                if (entry.Echo is { } echo && _time.GetElapsedTime(entry.Added) >= age)
                {
                    var before = entry.Size;
                    echo.Text = null;
                    entry.Json = ProtocolJson.Serialize(echo);
                    entry.Echo = null;
                    Account(entry.Size - before);
                }
            }
        }
    }

    /// <summary>Empties the queue and gives its bytes back to the budget; later activities are not kept.</summary>
    internal void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _queue.Clear();
            Account(-_queuedBytes);
        }
    }

    internal IEnumerable<string> SnapshotQueued()
    {
        lock (_gate)
        {
            return _queue.Select(e => System.Text.Encoding.UTF8.GetString(e.Json)).ToList();
        }
    }

    private void Account(long delta)
    {
        _queuedBytes += delta;
        _budget.Add(delta);
    }

    private sealed class Entry(long sequence, byte[] json, Activity? echo, long added)
    {
        public long Sequence { get; } = sequence;

        /// <summary>What a poll returns; replaced (never changed in place) when echo text is blanked.</summary>
        public byte[] Json { get; set; } = json;

        /// <summary>The echo of the user's message until its text is blanked; null for the bot's activities.</summary>
        public Activity? Echo { get; set; } = echo;

        public long Added { get; } = added;

        public long Size => Json.Length + EntryOverheadBytes;
    }
}
