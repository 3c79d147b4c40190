using CdnPulse.Enrichment.IpData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdnPulse.Enrichment.Tests.IpData;

public sealed class IpDataReloaderTests : IAsyncLifetime
{
    private readonly TempIpDataFolder _folder = TempIpDataFolder.WithIpLocationDb();
    private readonly IpLocationProvider _provider = new();
    private readonly IpDataReloader _reloader;

    public IpDataReloaderTests()
    {
        var options = new IpDataOptions
        {
            Folder = _folder.Path,
            ReloadInterval = TimeSpan.FromMilliseconds(200),
            ReloadDebounce = TimeSpan.FromMilliseconds(50),
        };
        _reloader = new IpDataReloader(Options.Create(options), _provider, NullLogger<IpDataReloader>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _reloader.StopAsync(CancellationToken.None);
        _reloader.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Loads_before_start_returns()
    {
        Assert.Same(IpLocationDatabase.Empty, _provider.Current);

        await _reloader.StartAsync(CancellationToken.None);

        Assert.Equal("AU", _provider.Current.Country("1.0.0.1"));
        Assert.Equal(0, _provider.FailedLoads);
    }

    [Fact]
    public async Task Swaps_in_a_new_snapshot_when_a_file_changes()
    {
        await _reloader.StartAsync(CancellationToken.None);
        var first = _provider.Current;

        _folder.Write("dbip-country/dbip-country-ipv4.csv", "1.0.0.0,1.0.0.255,NZ\n1.0.1.0,1.0.1.255,NZ\n");

        await Eventually.HoldsAsync(() => _provider.Current.Country("1.0.1.1") == "NZ", "the changed country file to be loaded");
        Assert.Equal("AU", first.Country("1.0.0.1"));
        Assert.Equal("NZ", _provider.Current.Country("1.0.0.1"));
        Assert.Equal("Google LLC", _provider.Current.Isp("8.8.8.8"));
    }

    [Fact]
    public async Task A_broken_file_keeps_the_previous_snapshot_until_it_is_fixed()
    {
        await _reloader.StartAsync(CancellationToken.None);
        var first = _provider.Current;

        var path = _folder.Write("asn/asn-ipv4.csv", "1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"\n8.8.8.0,not-an-ip,15169,Google LLC\n");

        await Eventually.HoldsAsync(() => _provider.FailedLoads > 0, "the broken file to be tried");
        Assert.Same(first, _provider.Current);
        Assert.Equal("Google LLC", _provider.Current.Isp("8.8.8.8"));
        var error = Assert.IsType<InvalidDataException>(_provider.LastLoadError);
        Assert.Contains($"{path}, line 2", error.Message, StringComparison.Ordinal);

        _folder.Write("asn/asn-ipv4.csv", "8.8.8.0,8.8.8.255,15169,Google LLC (fixed)\n");

        await Eventually.HoldsAsync(() => _provider.Current.Isp("8.8.8.8") == "Google LLC (fixed)", "the fixed file to be loaded");
        Assert.Null(_provider.LastLoadError);
    }

    [Fact]
    public async Task Start_fails_when_the_data_is_broken()
    {
        _folder.Write("dbip-country/dbip-country-ipv6.csv", "2001::,2001::ffff,CH,extra\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _reloader.StartAsync(CancellationToken.None));

        Assert.Contains("dbip-country-ipv6.csv, line 1: expected 3 fields but found 4", error.Message, StringComparison.Ordinal);
        Assert.Same(IpLocationDatabase.Empty, _provider.Current);
    }
}
