namespace CdnPulse.Enrichment.IpData;

/// <summary>Builds an <see cref="IpLocationDatabase"/> from the CSV files in the configured folder.</summary>
public static class IpLocationLoader
{
    /// <summary>
    /// Loads the country and ISP data in parallel. Throws <see cref="DirectoryNotFoundException"/>,
    /// <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> (naming file and line).
    /// </summary>
    public static Task<IpLocationDatabase> LoadAsync(IpDataOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.ResolveFolder() ?? throw new DirectoryNotFoundException(IpDataOptions.NoDefaultFolderMessage());
        return LoadAsync(folder, cancellationToken);
    }

    internal static async Task<IpLocationDatabase> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The IP data folder '{folder}' does not exist. {IpDataFiles.InstallHint}");
        var files = IpDataFiles.Find(folder);
        if (files.IsEmpty)
            throw new FileNotFoundException(
                $"The IP data folder '{folder}' holds none of asn-ipv4.csv, dbip-country-ipv4.csv (or their -ipv6/-num variants) or GeoLite2-*-Blocks-*.csv. {IpDataFiles.InstallHint}");
        var country = Task.Run(() => LoadCountry(files, cancellationToken), cancellationToken);
        var isp = Task.Run(() => LoadIsp(files, cancellationToken), cancellationToken);
        await Task.WhenAll(country, isp).ConfigureAwait(false);
        return new IpLocationDatabase(await country.ConfigureAwait(false), await isp.ConfigureAwait(false), files.Describe());
    }

    internal static IpRangeSet LoadCountry(IpDataFiles files, CancellationToken cancellationToken)
    {
        var builder = new IpRangeSetBuilder();
        if (files.CountryFromGeoLite2)
        {
            var locations = files.CountryLocations
                ?? throw new FileNotFoundException($"GeoLite2 country blocks need GeoLite2-Country-Locations-en.csv next to them in '{files.Folder}'.");
            var countries = GeoLite2Csv.ReadLocations(locations, builder);
            if (files.CountryIPv4 is { } ipv4)
                GeoLite2Csv.ReadCountryBlocks(ipv4, ipv6: false, countries, builder, cancellationToken);
            if (files.CountryIPv6 is { } ipv6)
                GeoLite2Csv.ReadCountryBlocks(ipv6, ipv6: true, countries, builder, cancellationToken);
        }
        else
        {
            if (files.CountryIPv4 is { } ipv4)
                IpLocationDbCsv.Read(ipv4, ipv6: false, fieldCount: 3, builder, cancellationToken);
            if (files.CountryIPv6 is { } ipv6)
                IpLocationDbCsv.Read(ipv6, ipv6: true, fieldCount: 3, builder, cancellationToken);
        }
        return builder.Build();
    }

    internal static IpRangeSet LoadIsp(IpDataFiles files, CancellationToken cancellationToken)
    {
        var builder = new IpRangeSetBuilder();
        if (files.IspIPv4 is { } ipv4)
            Read(ipv4, ipv6: false);
        if (files.IspIPv6 is { } ipv6)
            Read(ipv6, ipv6: true);
        return builder.Build();

        void Read(string path, bool ipv6)
        {
            if (files.IspFromGeoLite2)
                GeoLite2Csv.ReadAsnBlocks(path, ipv6, builder, cancellationToken);
            else
                IpLocationDbCsv.Read(path, ipv6, fieldCount: 4, builder, cancellationToken);
        }
    }
}
