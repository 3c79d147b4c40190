namespace CdnPulse.Enrichment.IpData;

/// <summary>Country (ISO 3166 alpha-2) and ISP (AS organisation) of one address; either may be <see cref="IpLocationDatabase.NotFound"/>.</summary>
public readonly record struct IpLocation(string Country, string Isp);
