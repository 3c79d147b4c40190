using CdnPulse.Hosting;
using CdnPulse.Kinesis;

namespace CdnPulse.LoadGen.Tests;

/// <summary>A real kinesalite, started through the hosting library the AppHost uses, for one test class.</summary>
public sealed class KinesaliteFixture : IAsyncLifetime
{
    private KinesisServer? _server;

    public RecordingResourceLog Log { get; } = new();

    public KinesisServer Server => _server ?? throw new InvalidOperationException("kinesalite has not started.");

    public KinesisClient CreateClient() => KinesisClient.Create(new KinesisOptions { ServiceUrl = Server.ServiceUrl });

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await KinesisServer.StartAsync(RepositoryPaths.Root, Log, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
