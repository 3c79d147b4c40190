using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

public sealed class GeoLite2Tests : IDisposable
{
    private const string NotFound = IpLocationDatabase.NotFound;
    private readonly TempIpDataFolder _folder = new();

    public GeoLite2Tests()
    {
        // MaxMind ships dated folders; the loader looks one level down.
        _folder.Write("GeoLite2-Country-CSV_20250101/GeoLite2-Country-Locations-en.csv", Fixtures.GeoLite2Locations);
        _folder.Write("GeoLite2-Country-CSV_20250101/GeoLite2-Country-Blocks-IPv4.csv", Fixtures.GeoLite2CountryIPv4);
        _folder.Write("GeoLite2-Country-CSV_20250101/GeoLite2-Country-Blocks-IPv6.csv", Fixtures.GeoLite2CountryIPv6);
        _folder.Write("GeoLite2-ASN-Blocks-IPv4.csv", Fixtures.GeoLite2AsnIPv4);
        _folder.Write("GeoLite2-ASN-Blocks-IPv6.csv", Fixtures.GeoLite2AsnIPv6);
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("1.0.0.0", "AU")]
    [InlineData("1.0.0.255", "AU")]
    [InlineData("1.0.1.0", NotFound)]
    [InlineData("0.255.255.255", NotFound)]
    [InlineData("203.0.113.6", NotFound)]
    [InlineData("203.0.113.7", "AU")]
    [InlineData("203.0.113.8", NotFound)]
    [InlineData("2001:200::", "JP")]
    [InlineData("2001:200:ffff:ffff:ffff:ffff:ffff:ffff", "JP")]
    [InlineData("2001:201::", NotFound)]
    public async Task Converts_CIDR_networks_to_inclusive_ranges(string ip, string country)
    {
        var database = await LoadAsync();

        Assert.Equal(country, database.Country(ip));
    }

    [Theory]
    [InlineData("10.19.255.255", NotFound)]
    [InlineData("10.20.0.0", "DE")]
    [InlineData("10.21.255.255", "DE")]
    [InlineData("10.22.0.0", NotFound)]
    [InlineData("192.0.2.1", "DE")]
    [InlineData("198.51.100.1", NotFound)]
    public async Task Falls_back_to_the_registered_country_when_the_network_has_none(string ip, string country)
    {
        var database = await LoadAsync();

        Assert.Equal(country, database.Country(ip));
    }

    [Fact]
    public async Task Reads_organisations_from_the_ASN_blocks()
    {
        var database = await LoadAsync();

        Assert.Equal(("CLOUDFLARENET, Inc.", "GOOGLE", "GOOGLE", NotFound),
            (database.Isp("1.0.0.1"), database.Isp("::ffff:8.8.8.8"), database.Isp("2001:4860:4860::8888"), database.Isp("8.8.9.0")));
    }

    [Fact]
    public async Task Prefers_GeoLite2_over_ip_location_db_files_in_the_same_folder()
    {
        _folder.Write("dbip-country/dbip-country-ipv4.csv", "1.0.0.0,1.0.0.255,CN\n");
        _folder.Write("asn/asn-ipv4.csv", "1.0.0.0,1.0.0.255,1,Other\n");

        var database = await LoadAsync();

        Assert.Equal(new IpLocation("AU", "CLOUDFLARENET, Inc."), database.Locate("1.0.0.1"));
        Assert.DoesNotContain("dbip-country-ipv4.csv", database.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Country_blocks_without_the_locations_file_fail_clearly()
    {
        File.Delete(Path.Combine(_folder.Path, "GeoLite2-Country-CSV_20250101", "GeoLite2-Country-Locations-en.csv"));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(LoadAsync);

        Assert.Contains("GeoLite2-Country-Locations-en.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_header_without_the_network_column()
    {
        _folder.Write("GeoLite2-ASN-Blocks-IPv4.csv", "net,autonomous_system_number,autonomous_system_organization\n1.0.0.0/24,1,X\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(LoadAsync);

        Assert.Contains("GeoLite2-ASN-Blocks-IPv4.csv, line 1: the header has no 'network' column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_prefix_longer_than_the_address()
    {
        _folder.Write("GeoLite2-ASN-Blocks-IPv4.csv", "network,autonomous_system_number,autonomous_system_organization\n1.0.0.0/33,1,X\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(LoadAsync);

        Assert.Contains("line 2: '1.0.0.0/33' is not an IPv4 network", error.Message, StringComparison.Ordinal);
    }

    private Task<IpLocationDatabase> LoadAsync() => IpLocationLoader.LoadAsync(new IpDataOptions { Folder = _folder.Path });
}
