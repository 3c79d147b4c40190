namespace CdnPulse.Ingest.Tests;

/// <summary>A tiny ip-location-db folder written for the tests: a few known ranges, so answers are hand-checkable and loading is instant.</summary>
internal static class TestIpData
{
    public const string GoogleIp = "8.8.8.8";
    public const string CloudflareIp = "1.0.0.1";
    public const string UnicodeIspIp = "5.5.5.5";
    public const string GoogleIPv6 = "2001:4860:4860::8888";
    public const string UnknownIp = "10.1.2.3";

    public static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cdnpulse-ingest-ipdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "dbip-country-ipv4.csv"), """
            1.0.0.0,1.0.0.255,AU
            5.5.5.0,5.5.5.255,FR
            8.8.8.0,8.8.8.255,US

            """);
        File.WriteAllText(Path.Combine(folder, "dbip-country-ipv6.csv"), """
            2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,US

            """);
        File.WriteAllText(Path.Combine(folder, "asn-ipv4.csv"), """
            1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
            5.5.5.0,5.5.5.255,64500,Télécom Ünïcode
            8.8.8.0,8.8.8.255,15169,Google LLC

            """);
        File.WriteAllText(Path.Combine(folder, "asn-ipv6.csv"), """
            2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC

            """);
        return folder;
    }
}
