using CdnPulse.Hosting;

namespace CdnPulse.Kinesis.Tests;

/// <summary>One real kinesalite per test class, started through the same hosting code the AppHost uses.</summary>
public sealed class KinesaliteFixture : IAsyncLifetime
{
    private KinesisServer? _server;
    private KinesisClient? _client;

    public RecordingResourceLog Log { get; } = new();

    public KinesisServer Server => _server ?? throw new InvalidOperationException("kinesalite has not started.");

    /// <summary>Created without credentials: exercises the default chain and its loopback fallback.</summary>
    public KinesisClient Client => _client ?? throw new InvalidOperationException("kinesalite has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await KinesisServer.StartAsync(RepositoryPaths.Root, Log, timeout.Token);
        _client = KinesisClient.Create(new KinesisOptions { ServiceUrl = _server.ServiceUrl });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh stream name per test, so tests sharing this server never see each other's records.</summary>
    public static string NewStreamName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}
