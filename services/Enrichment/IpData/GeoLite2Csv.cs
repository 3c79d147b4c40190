using System.Globalization;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Reads MaxMind GeoLite2 CSVs: header rows, CIDR networks, countries through a geoname_id → locations file.
/// Columns are found by header name, so column order and extra columns do not matter.
/// </summary>
internal static class GeoLite2Csv
{
    /// <summary>geoname_id → interned country_iso_code; continent-only rows (no ISO code) are left out.</summary>
    public static Dictionary<long, int> ReadLocations(string path, IpRangeSetBuilder target)
    {
        using var csv = OpenWithHeader(path);
        int idColumn = csv.IndexOf("geoname_id"), isoColumn = csv.IndexOf("country_iso_code");
        var countries = new Dictionary<long, int>();
        while (csv.Read())
        {
            var id = ParseGeonameId(csv, Field(csv, idColumn)) ?? throw csv.Error("geoname_id is empty");
            var iso = Field(csv, isoColumn);
            if (!iso.IsEmpty)
                countries[id] = target.Intern(iso);
        }
        return countries;
    }

    /// <summary>Country blocks; a network without its own country falls back to the registered country.</summary>
    public static void ReadCountryBlocks(string path, bool ipv6, Dictionary<long, int> countries, IpRangeSetBuilder target, CancellationToken cancellationToken)
    {
        using var csv = OpenWithHeader(path);
        int network = csv.IndexOf("network"), geoname = csv.IndexOf("geoname_id"), registered = csv.IndexOf("registered_country_geoname_id");
        ReadBlocks(csv, ipv6, network, cancellationToken, (first, last) =>
        {
            if ((Country(csv, geoname, countries) ?? Country(csv, registered, countries)) is { } country)
                target.Add(ipv6, first, last, country);
        });
    }

    public static void ReadAsnBlocks(string path, bool ipv6, IpRangeSetBuilder target, CancellationToken cancellationToken)
    {
        using var csv = OpenWithHeader(path);
        int network = csv.IndexOf("network"), organisation = csv.IndexOf("autonomous_system_organization");
        ReadBlocks(csv, ipv6, network, cancellationToken, (first, last) =>
        {
            var name = Field(csv, organisation);
            if (!name.IsEmpty)
                target.Add(ipv6, first, last, name);
        });
    }

    private static void ReadBlocks(CsvReader csv, bool ipv6, int network, CancellationToken cancellationToken, Action<UInt128, UInt128> add)
    {
        var rows = 0;
        while (csv.Read())
        {
            if ((++rows & 0xFFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            if (!IpAddressParser.TryParseCidr(Field(csv, network), ipv6, out var first, out var last))
                throw csv.Error($"'{Field(csv, network)}' is not an {(ipv6 ? "IPv6" : "IPv4")} network");
            add(first, last);
        }
        if (rows == 0)
            throw csv.Error("no networks follow the header");
    }

    private static int? Country(CsvReader csv, int column, Dictionary<long, int> countries) =>
        ParseGeonameId(csv, Field(csv, column)) is { } id && countries.TryGetValue(id, out var country) ? country : null;

    private static long? ParseGeonameId(CsvReader csv, ReadOnlySpan<char> text) =>
        text.IsEmpty ? null : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw csv.Error($"'{text}' is not a geoname_id");

    private static ReadOnlySpan<char> Field(CsvReader csv, int column) =>
        column < csv.FieldCount ? csv[column] : throw csv.Error($"expected at least {column + 1} fields but found {csv.FieldCount}");

    private static CsvReader OpenWithHeader(string path)
    {
        var csv = CsvReader.Open(path);
        if (csv.Read())
            return csv;
        csv.Dispose();
        throw new InvalidDataException($"{path} is empty.");
    }
}
