using CdnPulse.EventStore;
using CdnPulse.Hosting;
using CdnPulse.Metrics;
using Npgsql;

namespace CdnPulse.Alerting.Tests.Integration;

/// <summary>One real PostgreSQL server for the integration tests; each test gets a fresh database with every schema Alerting reads.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = RepositoryPaths.NewStateDirectory("alerting-tests");
    private readonly RecordingResourceLog _log = new();
    private PostgresServer? _server;
    private int _databases;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await PostgresServer.StartAsync(_stateDirectory, _log, timeout.Token);
    }

    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var server = _server ?? throw new InvalidOperationException("PostgreSQL has not started.");
        var name = $"alerting_{Interlocked.Increment(ref _databases)}";
        await server.CreateDatabaseAsync(name, CancellationToken.None);
        var dataSource = NpgsqlDataSource.Create(server.ConnectionString(name));
        await EventStoreSchema.ApplyAsync(dataSource, CancellationToken.None);
        await MetricsSchema.ApplyAsync(dataSource, CancellationToken.None);
        await AlertingSchema.ApplyAsync(dataSource, CancellationToken.None);
        return dataSource;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the folder sits under the ignored .cdnpulse/.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "alerting-postgres";
}
