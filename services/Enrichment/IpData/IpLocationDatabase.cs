using System.Net;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// An immutable snapshot of the IP → country and IP → ISP tables, safe to share between threads. Lookups are
/// binary searches over sorted arrays; they allocate nothing for IPv4 text, numeric or <see cref="IPAddress"/>
/// input (IPv6 text goes through <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>, one small
/// allocation). Any miss, and any text that is not an IP address, answers <see cref="NotFound"/>.
/// </summary>
public sealed class IpLocationDatabase
{
    /// <summary>The answer for an address no range covers (the value the reference solution used).</summary>
    public const string NotFound = "NotFound";

    private readonly IpRangeSet _country;
    private readonly IpRangeSet _isp;

    internal IpLocationDatabase(IpRangeSet country, IpRangeSet isp, string source)
    {
        _country = country;
        _isp = isp;
        Source = source;
    }

    public static IpLocationDatabase Empty { get; } = new(IpRangeSet.None, IpRangeSet.None, "empty");

    /// <summary>Which files the snapshot was loaded from.</summary>
    public string Source { get; }

    public int CountryRangesIPv4 => _country.IPv4.Count;
    public int CountryRangesIPv6 => _country.IPv6.Count;
    public int IspRangesIPv4 => _isp.IPv4.Count;
    public int IspRangesIPv6 => _isp.IPv6.Count;

    /// <summary>Ranges in the files that overlapped another one; the later-starting (more specific) range wins.</summary>
    public int OverlappingRanges => _country.Overlaps + _isp.Overlaps;

    public string Country(ReadOnlySpan<char> ip) => IpAddressParser.TryParse(ip, out var address) ? Country(address) : NotFound;
    public string Country(IPAddress ip) => IpAddressParser.TryConvert(ip, out var address) ? Country(address) : NotFound;
    public string Country(uint ipv4) => _country.IPv4.Find(ipv4) ?? NotFound;

    /// <summary>IPv4-mapped addresses (::ffff:a.b.c.d) are looked up as IPv4.</summary>
    public string Country(UInt128 ipv6) => _country.Find(ipv6) ?? NotFound;

    public string Isp(ReadOnlySpan<char> ip) => IpAddressParser.TryParse(ip, out var address) ? Isp(address) : NotFound;
    public string Isp(IPAddress ip) => IpAddressParser.TryConvert(ip, out var address) ? Isp(address) : NotFound;
    public string Isp(uint ipv4) => _isp.IPv4.Find(ipv4) ?? NotFound;

    /// <summary>IPv4-mapped addresses (::ffff:a.b.c.d) are looked up as IPv4.</summary>
    public string Isp(UInt128 ipv6) => _isp.Find(ipv6) ?? NotFound;

    /// <summary>Country and ISP with the address parsed once.</summary>
    public IpLocation Locate(ReadOnlySpan<char> ip) =>
        IpAddressParser.TryParse(ip, out var address)
            ? new IpLocation(Country(address), Isp(address))
            : new IpLocation(NotFound, NotFound);

    public override string ToString() =>
        $"{Source}: country {CountryRangesIPv4} IPv4 + {CountryRangesIPv6} IPv6 ranges, ISP {IspRangesIPv4} IPv4 + {IspRangesIPv6} IPv6 ranges";
}
