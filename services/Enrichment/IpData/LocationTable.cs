using System.Numerics;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Country and ISP in one search. The address space is cut wherever either answer changes, so every address falls in
/// exactly one interval (gaps included, as intervals answering null) and a lookup is "last start at or below the
/// address": no end check, one value read.
/// </summary>
/// <remarks>
/// Built for random look-ups in tables of half a million intervals, where the cost is the number of cache lines touched
/// one after the other, not the comparisons:
/// <list type="bullet">
/// <item>A radix index narrows the search: the root splits the space by the top <c>rootBits</c> bits (20 for IPv4:
/// at most 32 intervals per block in the real data), and any block still holding more than <see cref="LeafSize"/>
/// candidates gets a child node splitting it by the next 8 bits, and so on (IPv6, whose ranges crowd into a few /16s).
/// Each node entry holds the first interval at or above its block and its child, side by side in one int array.</item>
/// <item>The few remaining candidates are searched without branches (a conditional move per step), so a mispredicted
/// comparison does not throw away the next look-up's loads.</item>
/// <item>An answer is one packed uint (country index, ISP index) instead of two references: a quarter of the memory.</item>
/// </list>
/// </remarks>
internal sealed class LocationTable<T> where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>Blocks with at most this many candidate intervals are searched directly.</summary>
    public const int LeafSize = 32;

    private const int ChildBits = 8;
    private const int CountryBits = 10;
    private const uint CountryMask = (1u << CountryBits) - 1;

    private readonly T[] _starts;
    private readonly uint[] _answers;
    private readonly string?[] _countries;
    private readonly string?[] _isps;

    // Per node entry c: [2c] = index of the first interval starting at or above block c, [2c + 1] = child node offset
    // (0 = none; the root is at 0 and is nobody's child). Entry "count" closes the last block.
    private readonly int[] _nodes;
    private readonly int _rootShift;

    /// <param name="starts">Interval starts, ascending, the first one zero.</param>
    /// <param name="answers">Per interval, its country and ISP.</param>
    /// <param name="bits">Width of the address type (32 or 128).</param>
    /// <param name="rootBits">How many top bits the root index splits by.</param>
    public LocationTable(T[] starts, LocationAnswer[] answers, int bits, int rootBits)
    {
        if (starts.Length == 0 || starts[0] != T.Zero || starts.Length != answers.Length)
            throw new ArgumentException("The intervals must start at address zero and have one answer each.", nameof(starts));
        _starts = starts;
        (_answers, _countries, _isps) = Pack(answers);
        // Small tables (tests, an empty snapshot) get a small root.
        rootBits = Math.Min(rootBits, Math.Max(8, BitOperations.Log2((uint)starts.Length) + 2));
        _rootShift = bits - rootBits;
        var nodes = new List<int>();
        AddNode(nodes, T.Zero, _rootShift, rootBits);
        _nodes = [.. nodes];
    }

    public int Count => _starts.Length;

    /// <summary>Index nodes below the root (a measure of how crowded the address space is).</summary>
    public int ChildNodes { get; private set; }

    public LocationAnswer Find(T address) => AnswerAt(IntervalOf(address));

    /// <summary>
    /// The interval of each address, searched in stages over the whole group (every index walk, then every search) so
    /// that the cache misses of different addresses overlap instead of following one another. Read the answers with
    /// <see cref="AnswerAt"/>, again one loop over the group.
    /// </summary>
    public void IntervalsOf(ReadOnlySpan<T> addresses, Span<int> lows, Span<int> counts)
    {
        for (var k = 0; k < addresses.Length; k++)
        {
            (lows[k], counts[k]) = Candidates(addresses[k]);
        }

        for (var k = 0; k < addresses.Length; k++)
        {
            lows[k] = Search(addresses[k], lows[k], counts[k]);
        }
    }

    public LocationAnswer AnswerAt(int interval)
    {
        var answer = _answers[interval];
        return new LocationAnswer(_countries[answer & CountryMask], _isps[answer >> CountryBits]);
    }

    private int IntervalOf(T address)
    {
        var (low, count) = Candidates(address);
        return Search(address, low, count);
    }

    /// <summary>The first candidate interval for <paramref name="address"/> and how many there are.</summary>
    private (int Low, int Count) Candidates(T address)
    {
        var nodes = _nodes;
        var shift = _rootShift;
        var entry = 2 * int.CreateTruncating(address >> shift);
        while (nodes[entry + 1] is var child and not 0)
        {
            shift -= ChildBits;
            entry = child + (2 * (int.CreateTruncating(address >> shift) & ((1 << ChildBits) - 1)));
        }

        // The last interval starting at or below the address is in [first - 1, next - 1]; first - 1 always qualifies
        // (or is interval 0, which starts at zero).
        var low = Math.Max(nodes[entry] - 1, 0);
        return (low, nodes[entry + 2] - low);
    }

    private int Search(T address, int low, int count)
    {
        var starts = _starts;
        while (count > 1)
        {
            var half = count >> 1;
            low = starts[low + half] <= address ? low + half : low;
            count -= half;
        }

        return low;
    }

    /// <summary>Appends the node splitting the block at <paramref name="blockStart"/> into 2^<paramref name="stride"/> parts of 2^<paramref name="shift"/> addresses.</summary>
    private int AddNode(List<int> nodes, T blockStart, int shift, int stride)
    {
        var offset = nodes.Count;
        var parts = 1 << stride;
        var interval = LowerBound(blockStart);
        for (var c = 0; c <= parts; c++)
        {
            if (c > 0)
            {
                var partStart = blockStart + (T.CreateTruncating(c) << shift);
                // The part after the last one may lie past the top of the address space (it wraps to zero).
                interval = c == parts && partStart <= blockStart ? _starts.Length : FirstAtOrAbove(partStart, interval);
            }
            nodes.Add(interval);
            nodes.Add(0);
        }

        for (var c = 0; c < parts && shift > 0; c++)
        {
            var first = nodes[offset + (2 * c)];
            var candidates = nodes[offset + (2 * c) + 2] - Math.Max(first - 1, 0);
            if (candidates > LeafSize)
            {
                var childStride = Math.Min(ChildBits, shift);
                if (childStride != ChildBits)
                    continue; // only whole 8-bit steps are indexed; the leaf search copes with the rest
                var child = AddNode(nodes, blockStart + (T.CreateTruncating(c) << shift), shift - childStride, childStride);
                nodes[offset + (2 * c) + 1] = child;
                ChildNodes++;
            }
        }

        return offset;
    }

    private int LowerBound(T address)
    {
        int low = 0, high = _starts.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_starts[middle] < address)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private int FirstAtOrAbove(T address, int from)
    {
        var interval = from;
        while (interval < _starts.Length && _starts[interval] < address)
            interval++;
        return interval;
    }

    private static (uint[] Answers, string?[] Countries, string?[] Isps) Pack(LocationAnswer[] answers)
    {
        var countries = new List<string?> { null };
        var isps = new List<string?> { null };
        var countryIndex = new Dictionary<string, uint>(ReferenceEqualityComparer.Instance);
        var ispIndex = new Dictionary<string, uint>(ReferenceEqualityComparer.Instance);
        var packed = new uint[answers.Length];
        for (var i = 0; i < answers.Length; i++)
        {
            packed[i] = (IndexOf(answers[i].Isp, isps, ispIndex) << CountryBits) | IndexOf(answers[i].Country, countries, countryIndex);
        }

        if (countries.Count > CountryMask + 1 || isps.Count > 1 << (32 - CountryBits))
            throw new InvalidDataException($"Too many distinct values for the packed answers: {countries.Count} countries, {isps.Count} ISPs.");
        return (packed, [.. countries], [.. isps]);
    }

    private static uint IndexOf(string? value, List<string?> values, Dictionary<string, uint> index)
    {
        if (value is null)
            return 0;
        if (!index.TryGetValue(value, out var i))
        {
            i = (uint)values.Count;
            values.Add(value);
            index.Add(value, i);
        }
        return i;
    }
}
