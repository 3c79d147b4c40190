using Npgsql;

namespace CdnPulse.Alerting.Projections;

/// <summary>
/// Reads how far a projection has applied events (its row in <c>eventstore.projection_checkpoints</c>), to wait
/// until a read model includes a given position: the minute tables before evaluating a window update, the alarm
/// table before answering the request that appended.
/// </summary>
internal sealed class ProjectionCheckpoints(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public async Task<long> ReadAsync(string projection, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select position from eventstore.projection_checkpoints where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    /// <summary>True once the projection has passed <paramref name="position"/>; false if <paramref name="timeout"/> ran out first.</summary>
    public async Task<bool> WaitAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (await ReadAsync(projection, cancellationToken) < position)
        {
            if (time.GetElapsedTime(started) >= timeout)
            {
                return false;
            }
            await Task.Delay(PollInterval, time, cancellationToken);
        }
        return true;
    }
}
