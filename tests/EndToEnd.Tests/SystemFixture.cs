using CdnPulse.Hosting;

namespace CdnPulse.EndToEnd.Tests;

/// <summary>The whole system, started once for the end-to-end tests through the AppHost's hosting library, without sample traffic.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public RecordingResourceLog Log { get; } = new();

    public CdnPulseSystem System { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        System = await CdnPulseSystem.StartAsync(new SystemOptions { Log = Log, SampleTraffic = false, KinesisShards = 2 }, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
