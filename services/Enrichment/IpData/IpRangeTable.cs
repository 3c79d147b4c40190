using System.Numerics;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Sorted, non-overlapping, inclusive address ranges in parallel arrays; each range points at a value
/// in a shared, deduplicated string table. Immutable once built.
/// </summary>
internal sealed class IpRangeTable<T> where T : unmanaged, IBinaryInteger<T>
{
    private readonly T[] _starts;
    private readonly T[] _ends;
    private readonly int[] _valueIndex;
    private readonly string[] _values;

    public IpRangeTable(T[] starts, T[] ends, int[] valueIndex, string[] values)
    {
        _starts = starts;
        _ends = ends;
        _valueIndex = valueIndex;
        _values = values;
    }

    public static IpRangeTable<T> Empty { get; } = new([], [], [], []);

    public int Count => _starts.Length;

    internal ReadOnlySpan<T> Starts => _starts;

    internal ReadOnlySpan<T> Ends => _ends;

    /// <summary>Per range, its index into <see cref="Values"/>.</summary>
    internal ReadOnlySpan<int> ValueIndexes => _valueIndex;

    internal string[] Values => _values;

    /// <summary>The value of the range holding <paramref name="address"/>, or null when it falls outside every range.</summary>
    public string? Find(T address)
    {
        var starts = _starts;
        int low = 0, high = starts.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (starts[middle] <= address)
                low = middle + 1;
            else
                high = middle - 1;
        }
        // high is now the last range starting at or before the address. An address in the gap after it
        // is a miss: answering with that neighbour was the bug in the reference implementation.
        return high >= 0 && address <= _ends[high] ? _values[_valueIndex[high]] : null;
    }
}
