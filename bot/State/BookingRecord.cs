using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.State;

/// <summary>
/// A booking as the bot remembers it until shortly after the meeting: ids, enums and times only.
/// The owner is the salted hash of the employee's conversation, so only that conversation can act
/// on it; the VP is known by directory id.
/// </summary>
public sealed class BookingRecord
{
    public string BookingId { get; set; } = string.Empty;

    public string OwnerKey { get; set; } = string.Empty;

    public string VpId { get; set; } = string.Empty;

    public string EventId { get; set; } = string.Empty;

    public string Mode { get; set; } = string.Empty;

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string? RoomId { get; set; }

    /// <summary>The room's display name for the VP's card (a room, not a person).</summary>
    public string? RoomName { get; set; }

    public string? RoomBuilding { get; set; }

    public string? RoomFloor { get; set; }

    /// <summary>The Teams meeting's join link (a validated https teams.microsoft.com link); null for other modes.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>When the employee moved the booking: the time it had before, until the VP confirms the new one.</summary>
    public DateTimeOffset? MovedFromStart { get; set; }

    public DateTimeOffset? MovedFromEnd { get; set; }

    public bool Anonymous { get; set; }

    public string? SharedTopic { get; set; }

    public string? PreferredLanguage { get; set; }

    /// <summary>"booked", "confirmed", "proposed", "referred", "cancelled".</summary>
    public string Status { get; set; } = "booked";

    public Language Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where to reach the employee while the booking is open (ids only); removed with the booking.</summary>
    public ConversationPointer? Employee { get; set; }

    /// <summary>The employee's confirmation card, so it can be updated in place.</summary>
    public string? EmployeeCardActivityId { get; set; }

    /// <summary>The VP's handoff card, so it can be updated in place.</summary>
    public string? VpCardActivityId { get; set; }

    public ConversationPointer? Vp { get; set; }

    /// <summary>A time the VP proposed, waiting for the employee.</summary>
    public OfferedSlot? Proposed { get; set; }

    /// <summary>True once the employee was told the VP has not responded yet.</summary>
    public bool NoResponseNotified { get; set; }
}

/// <summary>Enough to message a 1:1 conversation proactively: ids and a URL, no names.</summary>
public sealed class ConversationPointer
{
    public string ConversationId { get; set; } = string.Empty;

    public string ServiceUrl { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string? BotId { get; set; }

    public string? UserId { get; set; }

    public string? TenantId { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BookingRecord))]
[JsonSerializable(typeof(ConversationPointer))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class BookingJsonContext : JsonSerializerContext;

/// <summary>Keeps booking records in the state store until a day after the meeting.</summary>
public sealed class BookingStore(IConversationStateStore store, TimeProvider time)
{
    private readonly Lock _openGate = new();
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);

    public async Task<BookingRecord?> GetAsync(string bookingId, CancellationToken ct)
    {
        var bytes = await store.GetAsync(Key(bookingId), ct).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, BookingJsonContext.Default.BookingRecord);
    }

    public async Task SaveAsync(BookingRecord record, CancellationToken ct)
    {
        Track(record.BookingId);
        var ttl = record.End + TimeSpan.FromDays(1) - time.GetUtcNow();
        ttl = ttl > TimeSpan.FromMinutes(5) ? ttl : TimeSpan.FromMinutes(5);
        await store.SetAsync(Key(record.BookingId), JsonSerializer.SerializeToUtf8Bytes(record, BookingJsonContext.Default.BookingRecord), ttl, ct).ConfigureAwait(false);
        await IndexAsync(record.VpId, ids => ids.Add(record.BookingId), ct).ConfigureAwait(false);
    }

    /// <summary>Booking ids of one VP (for the VP's own overview); ids only, pruned as records expire.</summary>
    public async Task<IReadOnlyList<string>> IdsForVpAsync(string vpId, CancellationToken ct)
    {
        var bytes = await store.GetAsync(VpKey(vpId), ct).ConfigureAwait(false);
        return bytes is null ? [] : JsonSerializer.Deserialize(bytes, BookingJsonContext.Default.ListString) ?? [];
    }

    /// <summary>Drops ids whose record is gone from the VP's index.</summary>
    public Task PruneVpIndexAsync(string vpId, IReadOnlyCollection<string> gone, CancellationToken ct) =>
        gone.Count == 0 ? Task.CompletedTask : IndexAsync(vpId, ids => ids.RemoveAll(gone.Contains), ct);

    public async Task DeleteAsync(string bookingId, CancellationToken ct)
    {
        await store.RemoveAsync(Key(bookingId), ct).ConfigureAwait(false);
        lock (_openGate)
        {
            _open.Remove(bookingId);
        }
    }

    /// <summary>Ids of bookings this instance saved and has not deleted (for the no-response check).</summary>
    public IReadOnlyList<string> OpenIds()
    {
        lock (_openGate)
        {
            return _open.ToList();
        }
    }

    /// <summary>Stops watching a booking whose record expired or that no longer waits for the VP.</summary>
    public void Forget(string bookingId)
    {
        lock (_openGate)
        {
            _open.Remove(bookingId);
        }
    }

    private void Track(string bookingId)
    {
        lock (_openGate)
        {
            _open.Add(bookingId);
        }
    }

    private async Task IndexAsync(string vpId, Action<List<string>> change, CancellationToken ct)
    {
        var before = await IdsForVpAsync(vpId, ct).ConfigureAwait(false);
        var ids = before.ToList();
        change(ids);
        ids = ids.Distinct(StringComparer.Ordinal).TakeLast(200).ToList();
        if (!ids.SequenceEqual(before, StringComparer.Ordinal))
        {
            await store.SetAsync(VpKey(vpId), JsonSerializer.SerializeToUtf8Bytes(ids, BookingJsonContext.Default.ListString), TimeSpan.FromDays(60), ct).ConfigureAwait(false);
        }
    }

    private static string Key(string bookingId) => "booking:" + bookingId;

    private static string VpKey(string vpId) => "vp-bookings:" + vpId;
}

/// <summary>VPs' conversation references; VPs are staff in their role, so these may be kept (a year).</summary>
public sealed class VpConversationStore(IConversationStateStore store)
{
    public async Task<ConversationPointer?> GetAsync(string vpId, CancellationToken ct)
    {
        var bytes = await store.GetAsync(Key(vpId), ct).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, BookingJsonContext.Default.ConversationPointer);
    }

    public Task SaveAsync(string vpId, ConversationPointer conversation, CancellationToken ct) =>
        store.SetAsync(Key(vpId), JsonSerializer.SerializeToUtf8Bytes(conversation, BookingJsonContext.Default.ConversationPointer), TimeSpan.FromDays(365), ct);

    private static string Key(string vpId) => "vp-conversation:" + vpId;
}
