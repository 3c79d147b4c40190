using Npgsql;

namespace CdnPulse.EventStore.Tests;

/// <summary>Gives each test (xunit makes one instance per test) a fresh database with the schema and a store on it.</summary>
[Collection(PostgresCollection.Name)]
public abstract class DatabaseTest(PostgresFixture fixture) : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private NpgsqlDataSource? _dataSource;

    protected PostgresFixture Fixture => fixture;

    protected NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not initialised.");

    protected EventStore Store { get; private set; } = null!;

    /// <summary>Bounds every database call of the test.</summary>
    protected CancellationToken Timeout => _timeout.Token;

    public virtual async Task InitializeAsync()
    {
        _dataSource = await fixture.CreateDatabaseAsync();
        Store = new EventStore(_dataSource);
    }

    public virtual async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        _timeout.Dispose();
    }
}
