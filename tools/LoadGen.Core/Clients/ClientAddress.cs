namespace CdnPulse.LoadGen.Clients;

/// <summary>A viewer: its address text (as CloudFront writes c-ip) and what the IP data says about it.</summary>
public readonly record struct ClientAddress(string Ip, bool IsIPv6, string Country, long Asn, string Isp);
