namespace CdnPulse.Enrichment.IpData;

/// <summary>One data set (country or ISP) for both address families, sharing one value table.</summary>
internal sealed record IpRangeSet(IpRangeTable<uint> IPv4, IpRangeTable<UInt128> IPv6, int Overlaps)
{
    public static IpRangeSet None { get; } = new(IpRangeTable<uint>.Empty, IpRangeTable<UInt128>.Empty, 0);

    /// <summary>IPv4-mapped addresses (::ffff:a.b.c.d) are looked up in the IPv4 table.</summary>
    public string? Find(UInt128 address) =>
        IpAddressParser.IsIPv4Mapped(address) ? IPv4.Find((uint)address) : IPv6.Find(address);
}
