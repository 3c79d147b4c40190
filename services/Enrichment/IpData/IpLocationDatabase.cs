using System.Net;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// An immutable snapshot of the IP → country and IP → ISP tables, safe to share between threads. Both answers come
/// from one search per lookup, in a combined table with a radix index (see <see cref="LocationTable{T}"/>);
/// lookups allocate nothing for IPv4 text, UTF-8, numeric or <see cref="IPAddress"/> input (IPv6 char text goes through
/// <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>, one small allocation). Any miss, and any text
/// that is not an IP address, answers <see cref="NotFound"/>.
/// </summary>
public sealed class IpLocationDatabase
{
    /// <summary>The answer for an address no range covers (the value the reference solution used).</summary>
    public const string NotFound = "NotFound";

    // Addresses searched together by the many-address Locate.
    private const int Group = 32;

    private readonly LocationTable<uint> _ipv4;
    private readonly LocationTable<UInt128> _ipv6;

    internal IpLocationDatabase(IpRangeSet country, IpRangeSet isp, string source)
    {
        // Country and ISP are answered from one combined table per family; the per-set tables are only counted.
        _ipv4 = LocationTableBuilder.Build(country.IPv4, isp.IPv4, bits: 32, rootBits: 20);
        _ipv6 = LocationTableBuilder.Build(country.IPv6, isp.IPv6, bits: 128, rootBits: 16);
        CountryRangesIPv4 = country.IPv4.Count;
        CountryRangesIPv6 = country.IPv6.Count;
        IspRangesIPv4 = isp.IPv4.Count;
        IspRangesIPv6 = isp.IPv6.Count;
        OverlappingRanges = country.Overlaps + isp.Overlaps;
        Source = source;
    }

    public static IpLocationDatabase Empty { get; } = new(IpRangeSet.None, IpRangeSet.None, "empty");

    /// <summary>Which files the snapshot was loaded from.</summary>
    public string Source { get; }

    public int CountryRangesIPv4 { get; }
    public int CountryRangesIPv6 { get; }
    public int IspRangesIPv4 { get; }
    public int IspRangesIPv6 { get; }

    /// <summary>Ranges in the files that overlapped another one; the later-starting (more specific) range wins.</summary>
    public int OverlappingRanges { get; }

    public string Country(ReadOnlySpan<char> ip) => Locate(ip).Country;
    public string Country(IPAddress ip) => IpAddressParser.TryConvert(ip, out var address) ? Country(address) : NotFound;
    public string Country(uint ipv4) => _ipv4.Find(ipv4).Country ?? NotFound;

    /// <summary>IPv4-mapped addresses (::ffff:a.b.c.d) are looked up as IPv4.</summary>
    public string Country(UInt128 ipv6) => Locate(ipv6).Country;

    public string Isp(ReadOnlySpan<char> ip) => Locate(ip).Isp;
    public string Isp(IPAddress ip) => IpAddressParser.TryConvert(ip, out var address) ? Isp(address) : NotFound;
    public string Isp(uint ipv4) => _ipv4.Find(ipv4).Isp ?? NotFound;

    /// <summary>IPv4-mapped addresses (::ffff:a.b.c.d) are looked up as IPv4.</summary>
    public string Isp(UInt128 ipv6) => Locate(ipv6).Isp;

    /// <summary>Country and ISP with the address parsed once and one search.</summary>
    public IpLocation Locate(ReadOnlySpan<char> ip) =>
        IpAddressParser.TryParse(ip, out var address) ? Locate(address) : new IpLocation(NotFound, NotFound);

    /// <summary>
    /// Country and ISP of an address given as UTF-8 (a log line's c-ip), same answers as the text overloads; IPv4 and
    /// the usual IPv6 forms are read without allocating.
    /// </summary>
    public IpLocation Locate(ReadOnlySpan<byte> utf8Ip) =>
        IpAddressParser.TryParseUtf8(utf8Ip, out var address) ? Locate(address) : new IpLocation(NotFound, NotFound);

    /// <summary>
    /// Country and ISP of many addresses (same answers as <see cref="Locate(ReadOnlySpan{char})"/> one by one), a group
    /// at a time: every address of the group is parsed, then every table search runs, so their cache misses overlap.
    /// A null or invalid address answers <see cref="NotFound"/>.
    /// </summary>
    public void Locate(ReadOnlySpan<string?> ips, Span<IpLocation> locations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(locations.Length, ips.Length, nameof(locations));
        Span<uint> ipv4 = stackalloc uint[Group];
        Span<int> ipv4At = stackalloc int[Group];
        Span<UInt128> ipv6 = stackalloc UInt128[Group];
        Span<int> ipv6At = stackalloc int[Group];
        Span<int> lows = stackalloc int[Group];
        Span<int> counts = stackalloc int[Group];
        for (var start = 0; start < ips.Length; start += Group)
        {
            var group = ips.Slice(start, Math.Min(Group, ips.Length - start));
            int v4 = 0, v6 = 0;
            for (var k = 0; k < group.Length; k++)
            {
                if (!IpAddressParser.TryParse(group[k], out var address))
                {
                    locations[start + k] = new IpLocation(NotFound, NotFound);
                }
                else if (IpAddressParser.IsIPv4Mapped(address))
                {
                    ipv4[v4] = (uint)address;
                    ipv4At[v4++] = start + k;
                }
                else
                {
                    ipv6[v6] = address;
                    ipv6At[v6++] = start + k;
                }
            }

            _ipv4.IntervalsOf(ipv4[..v4], lows, counts);
            for (var k = 0; k < v4; k++)
                locations[ipv4At[k]] = Answer(_ipv4.AnswerAt(lows[k]));
            _ipv6.IntervalsOf(ipv6[..v6], lows, counts);
            for (var k = 0; k < v6; k++)
                locations[ipv6At[k]] = Answer(_ipv6.AnswerAt(lows[k]));
        }
    }

    public IpLocation Locate(uint ipv4) => Answer(_ipv4.Find(ipv4));

    /// <summary>IPv4-mapped addresses (::ffff:a.b.c.d) are looked up as IPv4.</summary>
    public IpLocation Locate(UInt128 address) =>
        Answer(IpAddressParser.IsIPv4Mapped(address) ? _ipv4.Find((uint)address) : _ipv6.Find(address));

    private static IpLocation Answer(LocationAnswer found) => new(found.Country ?? NotFound, found.Isp ?? NotFound);

    public override string ToString() =>
        $"{Source}: country {CountryRangesIPv4} IPv4 + {CountryRangesIPv6} IPv6 ranges, ISP {IspRangesIPv4} IPv4 + {IspRangesIPv6} IPv6 ranges";
}
