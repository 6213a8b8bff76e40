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
public sealed class DirectLineConversations(IOptions<ChatOptions> options, TimeProvider time)
{
    /// <summary>The user's own text stays at most this long in memory when the page never polls again.</summary>
    public static readonly TimeSpan EchoTextLifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    /// <summary>A new conversation, or null when this instance already holds as many as allowed.</summary>
    public DirectLineConversation? TryCreate()
    {
        if (_conversations.Count >= options.Value.MaxConversations)
        {
            Sweep();
            if (_conversations.Count >= options.Value.MaxConversations)
            {
                return null;
            }
        }

        var conversation = new DirectLineConversation(NewId(), "dl_" + NewId(), options.Value.MaxQueuedActivities, time);
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    /// <summary>The conversation, or null when it never existed or has been idle too long.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (conversation.IdleFor >= options.Value.IdleTtl)
        {
            _conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversationId, conversation));
            return null;
        }

        conversation.Touch();
        return conversation;
    }

    /// <summary>Drops idle conversations and blanks stale echo text; returns how many conversations were dropped.</summary>
    public int Sweep()
    {
        var dropped = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.IdleFor >= options.Value.IdleTtl)
            {
                if (_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(id, conversation)))
                {
                    dropped++;
                }
            }
            else
            {
                conversation.BlankEchoesOlderThan(EchoTextLifetime);
            }
        }

        return dropped;
    }

    /// <summary>Every queued activity as JSON, for the privacy tests.</summary>
    internal IEnumerable<string> SnapshotQueued() => _conversations.Values.SelectMany(c => c.SnapshotQueued());

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>One Direct Line conversation: ids and the queue of unacknowledged activities.</summary>
public sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _queue = [];
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private long _lastSequence;
    private long _lastUsed;

    internal DirectLineConversation(string id, string userId, int capacity, TimeProvider time)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        _time = time;
        _lastUsed = time.GetTimestamp();
    }

    public string Id { get; }

    /// <summary>Random per conversation; the bot sees nothing else about the person.</summary>
    public string UserId { get; }

    /// <summary>True once the conversationUpdate (welcome) turn has run.</summary>
    public bool Started { get; private set; }

    internal TimeSpan IdleFor => _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

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

    /// <summary>Gives the activity the next id (<c>conversationId|0000001</c>) and a timestamp, and queues it.</summary>
    public string Append(Activity activity, bool isEcho = false)
    {
        lock (_gate)
        {
            var sequence = ++_lastSequence;
            activity.Id = Id + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
            activity.Timestamp = _time.GetUtcNow();
            _queue.Add(new Entry(sequence, activity, isEcho, _time.GetTimestamp()));
            if (_queue.Count > _capacity)
            {
                _queue.RemoveRange(0, _queue.Count - _capacity);
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
            _queue.RemoveAll(e => e.Sequence <= watermark);
            return (_queue.Select(e => ProtocolJson.Serialize(e.Activity)).ToList(), _queue.Count > 0 ? _queue[^1].Sequence : Math.Min(Math.Max(watermark, 0), _lastSequence));
        }
    }

    internal void BlankEchoesOlderThan(TimeSpan age)
    {
        lock (_gate)
        {
            foreach (var entry in _queue.Where(e => e.IsEcho && _time.GetElapsedTime(e.Added) >= age))
            {
                entry.Activity.Text = null;
            }
        }
    }

    internal IEnumerable<string> SnapshotQueued()
    {
        lock (_gate)
        {
            return _queue.Select(e => System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(e.Activity))).ToList();
        }
    }

    private sealed record Entry(long Sequence, Activity Activity, bool IsEcho, long Added);
}
