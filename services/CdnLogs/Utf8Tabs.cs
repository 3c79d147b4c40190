using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CdnPulse.CdnLogs;

/// <summary>Finds every column separator of a line in one vectorized pass.</summary>
internal static class Utf8Tabs
{
    /// <summary>
    /// Counts the tabs in <paramref name="line"/> and records the positions of the first
    /// <c>positions.Length</c> of them. On the same pass, tells whether every byte is ASCII (then the line is valid
    /// UTF-8 without a second look).
    /// </summary>
    public static int Find(ReadOnlySpan<byte> line, Span<int> positions, out bool ascii)
    {
        var count = 0;
        var i = 0;
        uint high = 0;
        ref var start = ref MemoryMarshal.GetReference(line);
        if (Vector512.IsHardwareAccelerated && line.Length >= Vector512<byte>.Count)
        {
            var tab = Vector512.Create((byte)'\t');
            var seen = Vector512<byte>.Zero;
            for (; i <= line.Length - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                var bytes = Vector512.LoadUnsafe(ref start, (nuint)i);
                seen |= bytes;
                count = Record(Vector512.Equals(bytes, tab).ExtractMostSignificantBits(), i, positions, count);
            }

            // The rest in one load that overlaps bytes already seen; their bits are shifted out.
            if (i < line.Length)
            {
                var last = line.Length - Vector512<byte>.Count;
                var bytes = Vector512.LoadUnsafe(ref start, (nuint)last);
                seen |= bytes;
                count = Record(Vector512.Equals(bytes, tab).ExtractMostSignificantBits() >> (i - last), i, positions, count);
            }

            ascii = seen.ExtractMostSignificantBits() == 0;
            return count;
        }

        if (Vector256.IsHardwareAccelerated && line.Length >= Vector256<byte>.Count)
        {
            var tab = Vector256.Create((byte)'\t');
            var seen = Vector256<byte>.Zero;
            for (; i <= line.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var bytes = Vector256.LoadUnsafe(ref start, (nuint)i);
                seen |= bytes;
                count = Record(Vector256.Equals(bytes, tab).ExtractMostSignificantBits(), i, positions, count);
            }

            if (i < line.Length)
            {
                var last = line.Length - Vector256<byte>.Count;
                var bytes = Vector256.LoadUnsafe(ref start, (nuint)last);
                seen |= bytes;
                count = Record(Vector256.Equals(bytes, tab).ExtractMostSignificantBits() >> (i - last), i, positions, count);
            }

            ascii = seen.ExtractMostSignificantBits() == 0;
            return count;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var tab = Vector128.Create((byte)'\t');
            var seen = Vector128<byte>.Zero;
            for (; i <= line.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref start, (nuint)i);
                seen |= bytes;
                count = Record(Vector128.Equals(bytes, tab).ExtractMostSignificantBits(), i, positions, count);
            }

            high |= seen.ExtractMostSignificantBits();
        }

        for (; i < line.Length; i++)
        {
            high |= (uint)line[i] >> 7;
            if (line[i] == (byte)'\t')
            {
                if (count < positions.Length)
                {
                    positions[count] = i;
                }

                count++;
            }
        }

        ascii = high == 0;
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Record(ulong mask, int offset, Span<int> positions, int count)
    {
        // The usual case, every tab of the block fits: no per-tab bounds check.
        if (count + BitOperations.PopCount(mask) <= positions.Length)
        {
            ref var position = ref MemoryMarshal.GetReference(positions);
            while (mask != 0)
            {
                Unsafe.Add(ref position, count++) = offset + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
            }

            return count;
        }

        while (mask != 0)
        {
            if (count < positions.Length)
            {
                positions[count] = offset + BitOperations.TrailingZeroCount(mask);
            }

            count++;
            mask &= mask - 1;
        }

        return count;
    }
}
