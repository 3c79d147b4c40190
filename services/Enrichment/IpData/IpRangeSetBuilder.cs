namespace CdnPulse.Enrichment.IpData;

internal sealed class IpRangeSetBuilder
{
    private readonly StringInterner _values = new();
    private readonly IpRangeTableBuilder<uint> _ipv4 = new();
    private readonly IpRangeTableBuilder<UInt128> _ipv6 = new();

    // IPv4 ranges arrive as plain 32-bit values in the UInt128s.
    public void Add(bool ipv6, UInt128 start, UInt128 end, ReadOnlySpan<char> value) => Add(ipv6, start, end, Intern(value));

    public void Add(bool ipv6, UInt128 start, UInt128 end, int valueIndex)
    {
        if (ipv6)
            _ipv6.Add(start, end, valueIndex);
        else
            _ipv4.Add((uint)start, (uint)end, valueIndex);
    }

    public int Intern(ReadOnlySpan<char> value) => _values.Intern(value);

    public IpRangeSet Build()
    {
        var values = _values.ToArray();
        var ipv4 = _ipv4.Build(values, out var ipv4Overlaps);
        var ipv6 = _ipv6.Build(values, out var ipv6Overlaps);
        return new IpRangeSet(ipv4, ipv6, ipv4Overlaps + ipv6Overlaps);
    }
}
