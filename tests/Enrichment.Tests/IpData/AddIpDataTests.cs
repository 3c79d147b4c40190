using CdnPulse.Enrichment.IpData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CdnPulse.Enrichment.Tests.IpData;

public sealed class AddIpDataTests : IDisposable
{
    private readonly TempIpDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Host_start_loads_the_data_before_it_completes()
    {
        _folder.Write("dbip-country/dbip-country-ipv4.csv", Fixtures.CountryIPv4);
        using var host = BuildHost(("IpData:Folder", _folder.Path));

        await host.StartAsync();
        try
        {
            Assert.Equal("US", host.Services.GetRequiredService<IpLocationProvider>().Current.Country("8.8.8.8"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Start_fails_naming_a_missing_folder_and_the_install_command()
    {
        var missing = Path.Combine(_folder.Path, "not-installed");
        using var host = BuildHost(("IpData:Folder", missing));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"IpData:Folder '{missing}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci --prefix tools/node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_fails_for_a_folder_without_data_files_or_a_bad_interval()
    {
        _folder.Write("README.md", "not data");
        using var host = BuildHost(("IpData:Folder", _folder.Path), ("IpData:ReloadInterval", "00:00:00"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"IpData:Folder '{_folder.Path}' holds no IP data files", error.Message, StringComparison.Ordinal);
        Assert.Contains("IpData:ReloadInterval must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_folder_is_the_npm_install_in_the_checkout()
    {
        using var host = BuildHost();

        var options = host.Services.GetRequiredService<IOptions<IpDataOptions>>().Value;

        Assert.Equal(Path.Combine(Repository.Root, IpDataOptions.CheckoutFolder), options.Folder);
    }

    [Fact]
    public void Finds_the_checkout_folder_from_any_folder_below_it()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder.Path, IpDataOptions.CheckoutFolder)).FullName;
        var deep = Directory.CreateDirectory(Path.Combine(_folder.Path, "services", "Enrichment", "bin")).FullName;

        Assert.Equal(data, IpDataOptions.FindCheckoutFolder(deep));
        Assert.Null(IpDataOptions.FindCheckoutFolder(Path.GetPathRoot(_folder.Path)));
    }

    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddLogging();
        builder.AddIpData();
        return builder.Build();
    }
}
