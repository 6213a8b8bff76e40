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

    public bool Anonymous { get; set; }

    public string? SharedTopic { get; set; }

    public string? PreferredLanguage { get; set; }

    /// <summary>"booked", "confirmed", "cancelled".</summary>
    public string Status { get; set; } = "booked";

    public Language Language { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BookingRecord))]
public sealed partial class BookingJsonContext : JsonSerializerContext;

/// <summary>Keeps booking records in the state store until a day after the meeting.</summary>
public sealed class BookingStore(IConversationStateStore store, TimeProvider time)
{
    public async Task<BookingRecord?> GetAsync(string bookingId, CancellationToken ct)
    {
        var bytes = await store.GetAsync(Key(bookingId), ct).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, BookingJsonContext.Default.BookingRecord);
    }

    public Task SaveAsync(BookingRecord record, CancellationToken ct)
    {
        var ttl = record.End + TimeSpan.FromDays(1) - time.GetUtcNow();
        return store.SetAsync(Key(record.BookingId), JsonSerializer.SerializeToUtf8Bytes(record, BookingJsonContext.Default.BookingRecord), ttl > TimeSpan.FromMinutes(5) ? ttl : TimeSpan.FromMinutes(5), ct);
    }

    public Task DeleteAsync(string bookingId, CancellationToken ct) => store.RemoveAsync(Key(bookingId), ct);

    private static string Key(string bookingId) => "booking:" + bookingId;
}
