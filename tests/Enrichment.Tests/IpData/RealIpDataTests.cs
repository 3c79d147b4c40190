using System.Net;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

/// <summary>Loads the @ip-location-db packages installed by <c>npm ci --prefix tools/node</c> once for the class.</summary>
public sealed class RealIpData : IAsyncLifetime
{
    public static string Folder => Path.Combine(Repository.Root, IpDataOptions.CheckoutFolder);

    public IpLocationDatabase Database { get; private set; } = IpLocationDatabase.Empty;

    public async Task InitializeAsync()
    {
        Assert.True(Directory.Exists(Folder), $"{Folder} is missing: run `npm ci --prefix tools/node` in {Repository.Root}.");
        Database = await IpLocationLoader.LoadAsync(new IpDataOptions { Folder = Folder });
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class RealIpDataTests(RealIpData data) : IClassFixture<RealIpData>
{
    private readonly IpLocationDatabase _database = data.Database;

    [Theory]
    [InlineData("1.0.0.1", "AU", "Cloudflare, Inc.")]
    [InlineData("8.8.8.8", "US", "Google LLC")]
    [InlineData("2.26.200.1", "KR", "LLC \"SPUTNIK\"")]
    [InlineData("::ffff:8.8.8.8", "US", "Google LLC")]
    [InlineData("2606:4700:4700::1111", "CA", "Cloudflare, Inc.")]
    [InlineData("2001:4860:4860::8888", "CA", "Google LLC")]
    [InlineData("10.1.2.3", IpLocationDatabase.NotFound, IpLocationDatabase.NotFound)]
    [InlineData("192.168.0.1", IpLocationDatabase.NotFound, IpLocationDatabase.NotFound)]
    public void Answers_known_addresses_from_the_installed_packages(string ip, string country, string isp)
    {
        Assert.Equal(new IpLocation(country, isp), _database.Locate(ip));
    }

    [Fact]
    public void Loads_all_four_files()
    {
        Assert.All(
            [_database.CountryRangesIPv4, _database.CountryRangesIPv6, _database.IspRangesIPv4, _database.IspRangesIPv6],
            count => Assert.InRange(count, 50_000, 500_000));
        Assert.Contains("dbip-country-ipv6.csv", _database.Source, StringComparison.Ordinal);
        Assert.Contains("asn-ipv6.csv", _database.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dbip-country/dbip-country-ipv4.csv")]
    [InlineData("dbip-country/dbip-country-ipv6.csv")]
    public void Every_country_range_answers_its_own_country_at_both_ends(string file)
    {
        // The country files hold no quotes, so a plain split is an independent reading of them.
        var wrong = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(RealIpData.Folder, file)))
        {
            var fields = line.Split(',');
            if (_database.Country(IPAddress.Parse(fields[0])) != fields[2] || _database.Country(fields[1]) != fields[2])
                wrong.Add(line);
        }
        Assert.Empty(wrong);
    }
}
