using CdnPulse.Hosting;
using Npgsql;

namespace CdnPulse.EventStore.Tests;

/// <summary>One real PostgreSQL server for the whole assembly; every test gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = RepositoryPaths.NewStateDirectory("eventstore-tests");
    private readonly RecordingResourceLog _log = new();
    private PostgresServer? _server;
    private int _databases;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await PostgresServer.StartAsync(_stateDirectory, _log, timeout.Token);
    }

    /// <summary>A fresh, empty database (no schema): tests never see each other's events or locks.</summary>
    public async Task<NpgsqlDataSource> CreateEmptyDatabaseAsync()
    {
        var name = $"es_{Interlocked.Increment(ref _databases)}";
        await Server.CreateDatabaseAsync(name, CancellationToken.None);
        return NpgsqlDataSource.Create(Server.ConnectionString(name));
    }

    /// <summary>A fresh database with the event store schema applied.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var dataSource = await CreateEmptyDatabaseAsync();
        await EventStoreSchema.ApplyAsync(dataSource, CancellationToken.None);
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
