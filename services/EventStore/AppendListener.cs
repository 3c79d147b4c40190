using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// A connection kept open with <c>LISTEN eventstore_appended</c>. Notifications arriving while the daemon works
/// wait in the socket, so none is lost between a read and the next wait. A broken connection is dropped and
/// reopened on the next call.
/// </summary>
internal sealed class AppendListener(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return;
        }
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var listen = new NpgsqlCommand($"listen {EventStoreSchema.AppendedChannel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
    }

    /// <summary>Returns when an append commits or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        try
        {
            await _connection!.WaitAsync(timeout, cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
