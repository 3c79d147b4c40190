using System.Numerics;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Collects ranges in any order and builds an <see cref="IpRangeTable{T}"/>: sorted, adjacent ranges with
/// the same value merged, overlaps resolved so the range that starts later (the more specific one when
/// ranges nest) wins. The published asn data does contain an overlap, so rejecting them is not an option.
/// </summary>
internal sealed class IpRangeTableBuilder<T> where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly List<T> _starts = [];
    private readonly List<T> _ends = [];
    private readonly List<int> _values = [];

    public int Count => _starts.Count;

    public void Add(T start, T end, int valueIndex)
    {
        if (start > end)
            throw new ArgumentException($"Range start {start} is after its end {end}.", nameof(start));
        _starts.Add(start);
        _ends.Add(end);
        _values.Add(valueIndex);
    }

    /// <param name="values">The value table the added value indexes point into.</param>
    /// <param name="overlaps">How many added ranges overlapped an earlier-starting one.</param>
    public IpRangeTable<T> Build(string[] values, out int overlaps)
    {
        var output = new Output(_starts.Count);
        var open = new Stack<int>();
        overlaps = 0;
        foreach (var entry in Order())
        {
            var start = _starts[entry];
            while (open.Count > 0 && _ends[open.Peek()] < start)
            {
                var closed = open.Pop();
                output.Emit(_starts[closed], _ends[closed], _values[closed]);
            }
            if (open.Count > 0)
            {
                overlaps++;
                // The part of the enclosing range before this one still belongs to the enclosing range.
                if (start > T.Zero)
                    output.Emit(_starts[open.Peek()], start - T.One, _values[open.Peek()]);
            }
            open.Push(entry);
        }
        while (open.Count > 0)
        {
            var closed = open.Pop();
            output.Emit(_starts[closed], _ends[closed], _values[closed]);
        }
        return output.ToTable(values);
    }

    // Start ascending; for equal starts the wider range first so the narrower one nests inside it.
    private int[] Order()
    {
        var sorted = true;
        for (var i = 1; i < _starts.Count && sorted; i++)
            sorted = Compare(i - 1, i) < 0;
        var order = Enumerable.Range(0, _starts.Count).ToArray();
        if (!sorted)
            Array.Sort(order, Compare);
        return order;
    }

    private int Compare(int a, int b)
    {
        var byStart = _starts[a].CompareTo(_starts[b]);
        if (byStart != 0)
            return byStart;
        var byEnd = _ends[b].CompareTo(_ends[a]);
        return byEnd != 0 ? byEnd : a.CompareTo(b);
    }

    /// <summary>Appends ranges in address order; a cursor drops whatever part was already covered.</summary>
    private sealed class Output(int capacity)
    {
        private readonly List<T> _starts = new(capacity);
        private readonly List<T> _ends = new(capacity);
        private readonly List<int> _values = new(capacity);
        private T _cursor = T.Zero;
        private bool _full;

        public void Emit(T start, T end, int value)
        {
            var from = T.Max(start, _cursor);
            if (_full || from > end)
                return;
            var last = _ends.Count - 1;
            if (last >= 0 && _values[last] == value && _ends[last] + T.One == from)
                _ends[last] = end;
            else
            {
                _starts.Add(from);
                _ends.Add(end);
                _values.Add(value);
            }
            _full = end == T.MaxValue;
            _cursor = _full ? end : end + T.One;
        }

        public IpRangeTable<T> ToTable(string[] values) => new([.. _starts], [.. _ends], [.. _values], values);
    }
}
