using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Turns repeated UTF-8 values (hosts, popular paths) into one shared string instead of a new one per line. A fixed,
/// direct-mapped table: bounded memory, no locks (a slot holds one string reference, replaced whole), and a miss or a
/// race only costs the allocation that would have happened anyway. Values that are not ASCII are never cached.
/// </summary>
internal sealed class Utf8StringCache
{
    private readonly string?[] _slots;
    private readonly int _maxLength;

    /// <param name="slots">Table size, a power of two.</param>
    /// <param name="maxLength">Longer values are not cached.</param>
    public Utf8StringCache(int slots, int maxLength)
    {
        if (slots <= 0 || !BitOperations.IsPow2(slots))
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The slot count must be a positive power of two.");
        }

        _slots = new string?[slots];
        _maxLength = maxLength;
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _maxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref var slot = ref _slots[(int)Hash(utf8) & (_slots.Length - 1)];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && cached.Length == utf8.Length && Ascii.Equals(utf8, cached))
        {
            return cached;
        }

        var created = Encoding.UTF8.GetString(utf8);
        if (created.Length == utf8.Length)
        {
            Volatile.Write(ref slot, created);
        }

        return created;
    }

    // Eight bytes at a time, multiply-rotate mixing; only spreads values over slots, so it need not be strong.
    private static ulong Hash(ReadOnlySpan<byte> value)
    {
        const ulong Prime = 0x9E3779B97F4A7C15UL;
        var hash = (ulong)value.Length * Prime;
        var words = MemoryMarshal.Cast<byte, ulong>(value);
        foreach (var word in words)
        {
            hash = BitOperations.RotateLeft((hash ^ word) * Prime, 29);
        }

        ulong tail = 0;
        for (var i = words.Length * sizeof(ulong); i < value.Length; i++)
        {
            tail = (tail << 8) | value[i];
        }

        hash = (hash ^ tail) * Prime;
        return hash ^ (hash >> 32);
    }
}
