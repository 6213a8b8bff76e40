using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace VpWijzer.Figures;

/// <summary>
/// Remembers which (month, conversation, counter) was counted already, so a counter goes up at most once per
/// conversation and month however often the same thing is asked (security review L4: a chat client posting 30
/// questions counts once per topic). Only a keyed hash is kept, in this instance's memory, with a random key per
/// process: it names no conversation and cannot be matched against anything after a restart. A bounded
/// first-in-first-out set: when full, the oldest entries are forgotten (they may then count once more).
/// </summary>
internal sealed class CountedOnce(int capacity)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Lock _gate = new();
    private readonly HashSet<UInt128> _seen = [];
    private readonly Queue<UInt128> _order = new();
    private string? _month;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time for this month, conversation and field; false after that.</summary>
    public bool TryMark(string month, string conversationId, string field)
    {
        var hash = Hash(month + "\n" + conversationId + "\n" + field);
        lock (_gate)
        {
            if (!string.Equals(month, _month, StringComparison.Ordinal))
            {
                // A new month counts everyone afresh, and last month's entries are of no use any more.
                _month = month;
                _seen.Clear();
                _order.Clear();
            }

            if (!_seen.Add(hash))
            {
                return false;
            }

            _order.Enqueue(hash);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    private UInt128 Hash(string value)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value), mac);
        return BinaryPrimitives.ReadUInt128LittleEndian(mac);
    }
}
