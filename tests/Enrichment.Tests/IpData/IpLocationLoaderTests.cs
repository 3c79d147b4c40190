using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

public sealed class IpLocationLoaderTests : IDisposable
{
    private readonly TempIpDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Loads_files_laid_out_flat_in_one_folder()
    {
        _folder.Write("dbip-country-ipv4.csv", Fixtures.CountryIPv4);
        _folder.Write("asn-ipv6.csv", Fixtures.AsnIPv6);

        var database = await LoadAsync();

        Assert.Equal("NZ", database.Country("203.0.113.5"));
        Assert.Equal("Cloudflare, Inc.", database.Isp("2606:4700::"));
        Assert.Equal((0, 0), (database.CountryRangesIPv6, database.IspRangesIPv4));
    }

    [Fact]
    public async Task Loads_the_decimal_num_files_including_128_bit_IPv6_values()
    {
        _folder.Write("dbip-country-ipv4-num.csv", "16777216,16777471,AU\n16778240,16779263,AU\n");
        _folder.Write("dbip-country-ipv6-num.csv", "42540528726795050063891204319802818560,42540528806023212578155541913346768895,JP\n");
        _folder.Write("asn-ipv4-num.csv", "16777216,16777471,13335,\"Cloudflare, Inc.\"\n");

        var database = await LoadAsync();

        Assert.Equal("AU", database.Country("1.0.0.255"));
        Assert.Equal(IpLocationDatabase.NotFound, database.Country("1.0.1.0"));
        Assert.Equal("AU", database.Country("1.0.4.0"));
        Assert.Equal("JP", database.Country("2001:200:ffff:ffff:ffff:ffff:ffff:ffff"));
        Assert.Equal(IpLocationDatabase.NotFound, database.Country("2001:201::"));
        Assert.Equal("Cloudflare, Inc.", database.Isp("1.0.0.0"));
    }

    [Fact]
    public async Task Sorts_ranges_that_are_out_of_order()
    {
        _folder.Write("dbip-country-ipv4.csv", "203.0.113.0,203.0.113.127,NZ\n1.0.4.0,1.0.7.255,AU\n8.8.8.0,8.8.8.255,US\n");

        var database = await LoadAsync();

        Assert.Equal(("AU", "US", "NZ"), (database.Country("1.0.4.0"), database.Country("8.8.8.255"), database.Country("203.0.113.1")));
        Assert.Equal(IpLocationDatabase.NotFound, database.Country("8.8.9.0"));
    }

    [Fact]
    public async Task More_specific_range_wins_where_ranges_overlap()
    {
        // The published asn-ipv4.csv has one such pair (214.96.0.0-214.255.0.255 and 214.254.0.0-214.255.4.255).
        _folder.Write("asn-ipv4.csv", "10.0.0.0,10.255.255.255,1,Wide\n10.1.0.0,10.1.0.255,2,Narrow\n");

        var database = await LoadAsync();

        Assert.Equal(("Wide", "Narrow", "Narrow", "Wide"),
            (database.Isp("10.0.255.255"), database.Isp("10.1.0.0"), database.Isp("10.1.0.255"), database.Isp("10.1.1.0")));
        Assert.Equal(1, database.OverlappingRanges);
    }

    [Theory]
    [InlineData("1.0.0.0,1.0.0.255\n", "line 1: expected 3 fields but found 2")]
    [InlineData("1.0.0.0,1.0.0.255,AU\n1.0.1.0,1.0.1.x,CN\n", "line 2: '1.0.1.0','1.0.1.x' is not an IPv4 range")]
    [InlineData("1.0.0.0,1.0.0.255,AU\n\n2001::,2001::1,CH\n", "line 3: '2001::','2001::1' is not an IPv4 range")]
    [InlineData("1.0.0.255,1.0.0.0,AU\n", "line 1: the range starts after it ends")]
    [InlineData("1.0.0.0,1.0.0.255,\"AU\n", "line 1: a quoted field is not closed")]
    [InlineData("", "holds no ranges")]
    public async Task Rejects_a_broken_file_naming_file_and_line(string content, string problem)
    {
        var path = _folder.Write("dbip-country-ipv4.csv", content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(LoadAsync);

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_IPv4_addresses_in_an_IPv6_file()
    {
        _folder.Write("dbip-country-ipv6.csv", "1.0.0.0,1.0.0.255,AU\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(LoadAsync);

        Assert.Contains("is not an IPv6 range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_folder_or_files_fail_with_the_install_command()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var noFolder = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => IpLocationLoader.LoadAsync(new IpDataOptions { Folder = missing }));
        var noFiles = await Assert.ThrowsAsync<FileNotFoundException>(LoadAsync);

        Assert.Contains(missing, noFolder.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci --prefix tools/node", noFolder.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.Path, noFiles.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci --prefix tools/node", noFiles.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_a_load()
    {
        _folder.Write("dbip-country-ipv4.csv", Fixtures.CountryIPv4);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => IpLocationLoader.LoadAsync(new IpDataOptions { Folder = _folder.Path }, new CancellationToken(canceled: true)));
    }

    private Task<IpLocationDatabase> LoadAsync() => IpLocationLoader.LoadAsync(new IpDataOptions { Folder = _folder.Path });
}
