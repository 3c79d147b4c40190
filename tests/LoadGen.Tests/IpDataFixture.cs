using CdnPulse.Enrichment.IpData;
using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Tests;

/// <summary>
/// The installed @ip-location-db data, loaded once for every test: the generator's client pool and, as an independent
/// reader of the same files, the Enrichment service's look-up tables.
/// </summary>
public sealed class IpDataFixture : IAsyncLifetime
{
    public string Folder { get; private set; } = "";

    public ClientPool Clients { get; private set; } = null!;

    public IpLocationDatabase Database { get; private set; } = IpLocationDatabase.Empty;

    /// <summary>60 000 requests of the default mix (seed 7), generated once for the tests that look at its shape.</summary>
    public IReadOnlyList<GeneratedLine> Mix => field ??= Traffic.Generate(Clients, 60_000);

    public async Task InitializeAsync()
    {
        Folder = ClientPool.FindDataFolder() ?? throw new InvalidOperationException(
            $"{ClientPool.CheckoutFolder} is missing: run `npm ci --prefix tools/node` in the repository root.");
        var clients = ClientPool.LoadAsync(Folder, CountryWeight.Defaults);
        var database = IpLocationLoader.LoadAsync(new IpDataOptions { Folder = Folder });
        Clients = await clients;
        Database = await database;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class IpDataCollection : ICollectionFixture<IpDataFixture>
{
    public const string Name = "IP data";
}
