namespace CdnPulse.LoadGen.Clients;

/// <summary>
/// Addresses <see cref="First"/>..<see cref="Last"/> (inclusive; IPv4 as plain 32-bit values) that lie in one country
/// range and one ASN range of the IP data, so any address in it has a known country and ISP.
/// </summary>
public sealed record ClientRange(UInt128 First, UInt128 Last, bool IsIPv6, string Country, long Asn, string Isp)
{
    public UInt128 Size => Last - First + UInt128.One;
}
