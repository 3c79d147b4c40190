using System.Text;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Which data files a folder holds. Each file is looked for in the folder itself, then in its immediate
/// subfolders (the npm layout: asn/, dbip-country/; MaxMind's dated folders, newest name first).
/// MaxMind GeoLite2 files win over ip-location-db ones for the data set they cover.
/// </summary>
internal sealed record IpDataFiles(
    string Folder,
    bool CountryFromGeoLite2,
    string? CountryIPv4,
    string? CountryIPv6,
    string? CountryLocations,
    bool IspFromGeoLite2,
    string? IspIPv4,
    string? IspIPv6)
{
    public const string InstallHint =
        "Install the ip-location-db data with `npm ci --prefix tools/node` from the repository root, or set IpData:Folder to a folder holding the CSV files.";

    public bool IsEmpty => CountryIPv4 is null && CountryIPv6 is null && IspIPv4 is null && IspIPv6 is null;

    public IEnumerable<string> Paths =>
        new[] { CountryIPv4, CountryIPv6, CountryLocations, IspIPv4, IspIPv6 }.OfType<string>();

    public static IpDataFiles Find(string folder)
    {
        var geoCountry4 = Locate(folder, "GeoLite2-Country-Blocks-IPv4.csv");
        var geoCountry6 = Locate(folder, "GeoLite2-Country-Blocks-IPv6.csv");
        var geoAsn4 = Locate(folder, "GeoLite2-ASN-Blocks-IPv4.csv");
        var geoAsn6 = Locate(folder, "GeoLite2-ASN-Blocks-IPv6.csv");
        var countryFromGeoLite2 = geoCountry4 is not null || geoCountry6 is not null;
        var ispFromGeoLite2 = geoAsn4 is not null || geoAsn6 is not null;
        return new IpDataFiles(
            folder,
            countryFromGeoLite2,
            countryFromGeoLite2 ? geoCountry4 : LocateRanges(folder, "dbip-country-ipv4"),
            countryFromGeoLite2 ? geoCountry6 : LocateRanges(folder, "dbip-country-ipv6"),
            countryFromGeoLite2 ? Locate(folder, "GeoLite2-Country-Locations-en.csv") : null,
            ispFromGeoLite2,
            ispFromGeoLite2 ? geoAsn4 : LocateRanges(folder, "asn-ipv4"),
            ispFromGeoLite2 ? geoAsn6 : LocateRanges(folder, "asn-ipv6"));
    }

    /// <summary>Changes whenever a file that would be loaded appears, disappears or is rewritten.</summary>
    public static string Fingerprint(string folder)
    {
        if (!Directory.Exists(folder))
            return "";
        var fingerprint = new StringBuilder();
        foreach (var path in Find(folder).Paths)
        {
            var file = new FileInfo(path);
            if (file.Exists)
                fingerprint.Append(path).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return fingerprint.ToString();
    }

    public string Describe() => string.Join(", ", Paths.Select(path => Path.GetRelativePath(Folder, path))) + $" in {Folder}";

    // The address files are preferred; the -num files (decimal numbers) hold the same data.
    private static string? LocateRanges(string folder, string name) =>
        Locate(folder, name + ".csv") ?? Locate(folder, name + "-num.csv");

    private static string? Locate(string folder, string name)
    {
        var direct = Path.Combine(folder, name);
        if (File.Exists(direct))
            return direct;
        return Directory.EnumerateDirectories(folder)
            .Order(StringComparer.Ordinal)
            .Reverse()
            .Select(subfolder => Path.Combine(subfolder, name))
            .FirstOrDefault(File.Exists);
    }
}
