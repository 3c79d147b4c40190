using System.Net;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

public sealed class IpLocationDbLookupTests : IAsyncLifetime, IDisposable
{
    private const string NotFound = IpLocationDatabase.NotFound;
    private readonly TempIpDataFolder _folder = TempIpDataFolder.WithIpLocationDb();
    private IpLocationDatabase _database = IpLocationDatabase.Empty;

    public async Task InitializeAsync() =>
        _database = await IpLocationLoader.LoadAsync(new IpDataOptions { Folder = _folder.Path }, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("1.0.4.0", "AU")]
    [InlineData("1.0.7.255", "AU")]
    [InlineData("8.8.8.8", "US")]
    [InlineData("203.0.113.0", "NZ")]
    [InlineData("203.0.113.127", "NZ")]
    public void Finds_country_from_range_start_to_range_end(string ip, string country)
    {
        Assert.Equal(country, _database.Country(ip));
    }

    [Theory]
    [InlineData("1.0.1.0")]
    [InlineData("1.0.2.0")]
    [InlineData("1.0.3.255")]
    [InlineData("8.8.9.0")]
    public void Address_in_a_gap_is_not_found_rather_than_the_neighbouring_range(string ip)
    {
        Assert.Equal(NotFound, _database.Country(ip));
        Assert.Equal(NotFound, _database.Isp(ip));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.255.255.255")]
    [InlineData("203.0.113.128")]
    [InlineData("255.255.255.255")]
    public void Address_below_the_first_or_above_the_last_range_is_not_found(string ip)
    {
        Assert.Equal(NotFound, _database.Country(ip));
    }

    [Fact]
    public void Reads_quoted_organisation_names_with_commas_and_escaped_quotes()
    {
        Assert.Equal("Cloudflare, Inc.", _database.Isp("1.0.0.1"));
        Assert.Equal("LLC \"SPUTNIK\"", _database.Isp("2.26.215.255"));
        Assert.Equal("Google LLC", _database.Isp("8.8.8.8"));
    }

    [Theory]
    [InlineData("2001:200::", "JP")]
    [InlineData("2001:200:ffff:ffff:ffff:ffff:ffff:ffff", "JP")]
    [InlineData("2001:4860:4860::8888", "US")]
    [InlineData("2001:201::", NotFound)]
    [InlineData("2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", NotFound)]
    [InlineData("::1", NotFound)]
    public void Finds_IPv6_countries(string ip, string country)
    {
        Assert.Equal(country, _database.Country(ip));
    }

    [Fact]
    public void Finds_IPv6_organisations()
    {
        Assert.Equal("Google LLC", _database.Isp("2001:4860:4860::8888"));
        Assert.Equal("Cloudflare, Inc.", _database.Isp("2606:4700:4700::1111"));
        Assert.Equal(NotFound, _database.Country("2606:4700:4700::1111"));
        Assert.Equal(NotFound, _database.Isp("2606:4701::"));
    }

    [Theory]
    [InlineData("::ffff:8.8.8.8", "US", "Google LLC")]
    [InlineData("::FFFF:1.0.0.255", "AU", "Cloudflare, Inc.")]
    [InlineData("::ffff:1.0.2.0", NotFound, NotFound)]
    public void Looks_up_IPv4_mapped_IPv6_addresses_in_the_IPv4_tables(string ip, string country, string isp)
    {
        Assert.Equal(new IpLocation(country, isp), _database.Locate(ip));
        Assert.Equal(country, _database.Country(IPAddress.Parse(ip)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-ip")]
    [InlineData("1.0.0.256")]
    [InlineData("1.0.0.1/24")]
    [InlineData("2001:4860::zz")]
    public void Text_that_is_not_an_address_is_not_found(string text)
    {
        Assert.Equal(new IpLocation(NotFound, NotFound), _database.Locate(text));
    }

    [Fact]
    public void Numeric_and_IPAddress_overloads_agree_with_text()
    {
        Assert.Equal("AU", _database.Country(0x0100_0001u));
        Assert.Equal("Cloudflare, Inc.", _database.Isp(IPAddress.Parse("1.0.0.1")));
        Assert.Equal("Google LLC", _database.Isp(IPAddress.Parse("2001:4860::1")));
        Assert.Equal("US", _database.Country(((UInt128)0xFFFF << 32) | 0x0808_0808u));
        Assert.Equal("JP", _database.Country(UInt128.Parse("42540528726795050063891204319802818560")));
        Assert.Equal(NotFound, _database.Isp(0x0A01_0203u));
    }

    [Fact]
    public void Reports_range_counts_and_source()
    {
        // The two adjacent-free AU ranges stay separate: 4 + 2 country ranges, 3 + 2 ISP ranges.
        Assert.Equal((4, 2, 3, 2), (_database.CountryRangesIPv4, _database.CountryRangesIPv6, _database.IspRangesIPv4, _database.IspRangesIPv6));
        Assert.Equal(0, _database.OverlappingRanges);
        Assert.Contains(Path.Combine("asn", "asn-ipv4.csv"), _database.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_database_answers_not_found()
    {
        Assert.Equal(new IpLocation(NotFound, NotFound), IpLocationDatabase.Empty.Locate("8.8.8.8"));
    }
}
