using CdnPulse.Hosting;

namespace CdnPulse.ServiceDefaults.Tests;

/// <summary>One private RabbitMQ node (with its management API) for the messaging tests.</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private string _state = "";

    public RabbitMqServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _state = RepositoryPaths.NewStateDirectory("messaging-tests");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Server = await RabbitMqServer.StartAsync(_state, new RecordingResourceLog(), timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        Directory.Delete(_state, recursive: true);
    }
}
