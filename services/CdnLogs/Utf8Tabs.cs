using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CdnPulse.CdnLogs;

/// <summary>Finds every column separator of a line in one vectorized pass.</summary>
internal static class Utf8Tabs
{
    /// <summary>
    /// Counts the tabs in <paramref name="line"/> and records the positions of the first
    /// <c>positions.Length</c> of them.
    /// </summary>
    public static int Find(ReadOnlySpan<byte> line, Span<int> positions)
    {
        var count = 0;
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(line);
        if (Vector256.IsHardwareAccelerated && line.Length >= Vector256<byte>.Count)
        {
            var tab = Vector256.Create((byte)'\t');
            for (; i <= line.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), tab).ExtractMostSignificantBits();
                count = Record(mask, i, positions, count);
            }

            // The rest in one load that overlaps bytes already seen; their bits are shifted out.
            if (i < line.Length)
            {
                var last = line.Length - Vector256<byte>.Count;
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)last), tab).ExtractMostSignificantBits();
                return Record(mask >> (i - last), i, positions, count);
            }

            return count;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var tab = Vector128.Create((byte)'\t');
            for (; i <= line.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), tab).ExtractMostSignificantBits();
                count = Record(mask, i, positions, count);
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == (byte)'\t')
            {
                if (count < positions.Length)
                {
                    positions[count] = i;
                }

                count++;
            }
        }

        return count;
    }

    private static int Record(uint mask, int offset, Span<int> positions, int count)
    {
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
