namespace CdnPulse.Enrichment.Tests.IpData;

/// <summary>
/// Small data files in the @ip-location-db format (no header, inclusive ranges, gaps between ranges) and in
/// MaxMind's GeoLite2 format (header, CIDR networks, a locations file).
/// </summary>
internal static class Fixtures
{
    // Gap 1.0.1.0-1.0.3.255 sits between two AU ranges; 203.0.113.128+ is above the last range.
    public const string CountryIPv4 = """
        1.0.0.0,1.0.0.255,AU
        1.0.4.0,1.0.7.255,AU
        8.8.8.0,8.8.8.255,US
        203.0.113.0,203.0.113.127,NZ

        """;

    public const string CountryIPv6 = """
        2001:200::,2001:200:ffff:ffff:ffff:ffff:ffff:ffff,JP
        2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,US

        """;

    public const string AsnIPv4 = """"
        1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
        2.26.200.0,2.26.215.255,201907,"LLC ""SPUTNIK"""
        8.8.8.0,8.8.8.255,15169,Google LLC

        """";

    public const string AsnIPv6 = """
        2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
        2606:4700::,2606:4700:ffff:ffff:ffff:ffff:ffff:ffff,13335,"Cloudflare, Inc."

        """;

    public const string GeoLite2Locations = """
        geoname_id,locale_code,continent_code,continent_name,country_iso_code,country_name,is_in_european_union
        2077456,en,OC,Oceania,AU,Australia,0
        6252001,en,NA,"North America",US,"United States",0
        1861060,en,AS,Asia,JP,Japan,0
        2921044,en,EU,Europe,DE,Germany,1
        6255148,en,EU,Europe,,,0

        """;

    // 10.20.0.0/15 has only a registered country; 192.0.2.0/24 a continent; 198.51.100.0/24 nothing at all.
    public const string GeoLite2CountryIPv4 = """
        network,geoname_id,registered_country_geoname_id,represented_country_geoname_id,is_anonymous_proxy,is_satellite_provider,is_anycast
        1.0.0.0/24,2077456,2077456,,0,0,
        8.8.8.0/24,6252001,6252001,,0,0,1
        10.20.0.0/15,,2921044,,0,0,
        192.0.2.0/24,6255148,2921044,,0,0,
        198.51.100.0/24,,,,1,0,
        203.0.113.7/32,2077456,2077456,,0,0,

        """;

    public const string GeoLite2CountryIPv6 = """
        network,geoname_id,registered_country_geoname_id,represented_country_geoname_id,is_anonymous_proxy,is_satellite_provider,is_anycast
        2001:200::/32,1861060,1861060,,0,0,

        """;

    public const string GeoLite2AsnIPv4 = """
        network,autonomous_system_number,autonomous_system_organization
        1.0.0.0/24,13335,"CLOUDFLARENET, Inc."
        8.8.8.0/24,15169,GOOGLE

        """;

    public const string GeoLite2AsnIPv6 = """
        network,autonomous_system_number,autonomous_system_organization
        2001:4860::/32,15169,GOOGLE

        """;
}
