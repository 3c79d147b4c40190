using System.Numerics;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Country and ISP in one search. The address space is cut wherever either answer changes, so every address falls in
/// exactly one interval (gaps included, as intervals answering null) and a lookup is "last start at or below the
/// address": no end check, one value read. A first-level index by the top 16 bits narrows each binary search to the
/// few intervals of that block, and the answers are the value strings themselves rather than indexes into value tables,
/// so a lookup touches three or four cache lines instead of about twenty.
/// </summary>
internal sealed class LocationTable<T> where T : unmanaged, IBinaryInteger<T>
{
    private const int IndexBits = 16;

    private readonly T[] _starts;
    private readonly LocationAnswer[] _answers;
    private readonly int[] _firstAtOrAbove;
    private readonly int _shift;

    /// <param name="starts">Interval starts, ascending, the first one zero.</param>
    /// <param name="answers">Per interval, its country and ISP.</param>
    /// <param name="bits">Width of the address type (32 or 128).</param>
    public LocationTable(T[] starts, LocationAnswer[] answers, int bits)
    {
        if (starts.Length == 0 || starts[0] != T.Zero || starts.Length != answers.Length)
            throw new ArgumentException("The intervals must start at address zero and have one answer each.", nameof(starts));
        _starts = starts;
        _answers = answers;
        _shift = bits - IndexBits;
        // _firstAtOrAbove[b] = index of the first interval starting at or after block b; the interval before it
        // (which starts below the block) may still cover the block's first addresses.
        _firstAtOrAbove = new int[(1 << IndexBits) + 1];
        var interval = 0;
        for (var block = 0; block < 1 << IndexBits; block++)
        {
            var blockStart = T.CreateTruncating(block) << _shift;
            while (interval < starts.Length && starts[interval] < blockStart)
                interval++;
            _firstAtOrAbove[block] = interval;
        }
        _firstAtOrAbove[1 << IndexBits] = starts.Length;
    }

    public int Count => _starts.Length;

    public LocationAnswer Find(T address)
    {
        var block = int.CreateTruncating(address >> _shift);
        // The last interval starting at or below the address is in [first - 1, next - 1]; first - 1 always qualifies.
        var low = Math.Max(_firstAtOrAbove[block] - 1, 0);
        var high = _firstAtOrAbove[block + 1] - 1;
        var starts = _starts;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (starts[middle] <= address)
                low = middle;
            else
                high = middle - 1;
        }
        return _answers[low];
    }
}
