using Npgsql;

namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// Shard leases and checkpoints in <c>ingest.shard_checkpoints</c>. Expiry is judged by the database's clock, so the
/// instances' clocks do not matter. A reader's writes (announce, checkpoint, finish) match owner and counter, so once a
/// lease has changed hands the previous holder can move nothing: it gets a <see cref="LeaseLostException"/>.
/// </summary>
public sealed class ShardLeaseStore(NpgsqlDataSource dataSource)
{
    /// <summary>Marks this instance alive for the fair-share count.</summary>
    public async Task HeartbeatAsync(string stream, string instanceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into ingest.consumer_instances (stream, instance_id, heartbeat_at) values ($1, $2, now())
            on conflict (stream, instance_id) do update set heartbeat_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Instances whose heartbeat is younger than <paramref name="within"/>.</summary>
    public async Task<int> LiveInstancesAsync(string stream, TimeSpan within, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from ingest.consumer_instances where stream = $1 and heartbeat_at > now() - $2::interval");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = within });
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task RemoveInstanceAsync(string stream, string instanceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from ingest.consumer_instances where stream = $1 and instance_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds a free, unread row for each shard not yet known.</summary>
    public async Task EnsureShardsAsync(string stream, IReadOnlyCollection<string> shardIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into ingest.shard_checkpoints (stream, shard_id) select $1, id from unnest($2::text[]) as id order by id
            on conflict (stream, shard_id) do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = shardIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ShardLeaseRow>> LoadAsync(string stream, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select shard_id, finished, lease_owner, lease_counter, coalesce(lease_expires_at > now(), false)
            from ingest.shard_checkpoints where stream = $1 order by shard_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ShardLeaseRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ShardLeaseRow(reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), reader.GetBoolean(4)));
        }
        return rows;
    }

    /// <summary>Extends the leases still held as given; returns the shard ids renewed (the others were lost).</summary>
    public async Task<IReadOnlySet<string>> RenewAsync(IReadOnlyCollection<ShardLease> leases, TimeSpan duration, CancellationToken cancellationToken)
    {
        var renewed = new HashSet<string>(StringComparer.Ordinal);
        if (leases.Count == 0)
        {
            return renewed;
        }
        await using var command = dataSource.CreateCommand("""
            update ingest.shard_checkpoints c set lease_expires_at = now() + $3::interval
            from unnest($4::text[], $5::bigint[]) as held(shard_id, counter)
            where c.stream = $1 and c.lease_owner = $2 and c.shard_id = held.shard_id and c.lease_counter = held.counter
            returning c.shard_id
            """);
        var first = leases.First();
        command.Parameters.Add(new NpgsqlParameter { Value = first.Stream });
        command.Parameters.Add(new NpgsqlParameter { Value = first.Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = duration });
        command.Parameters.Add(new NpgsqlParameter { Value = leases.Select(l => l.ShardId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = leases.Select(l => l.Counter).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            renewed.Add(reader.GetString(0));
        }
        return renewed;
    }

    /// <summary>
    /// Takes a shard whose lease is free, expired or already ours, if its counter is still <paramref name="observedCounter"/>;
    /// with <paramref name="stealFrom"/>, takes it from that live owner instead. Null when someone was faster.
    /// </summary>
    public async Task<ShardLease?> TryAcquireAsync(string stream, string shardId, string owner, long observedCounter, TimeSpan duration,
        string? stealFrom, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update ingest.shard_checkpoints set lease_owner = $3, lease_counter = lease_counter + 1,
                lease_expires_at = now() + $5::interval, updated_at = now()
            where stream = $1 and shard_id = $2 and lease_counter = $4 and not finished
              and (case when $6::text is null then lease_owner is null or lease_expires_at is null or lease_expires_at <= now() or lease_owner = $3
                        else lease_owner = $6 end)
            returning lease_counter, sequence_number, pending_first, pending_last
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = shardId });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = observedCounter });
        command.Parameters.Add(new NpgsqlParameter { Value = duration });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)stealFrom ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var pending = reader.IsDBNull(2) || reader.IsDBNull(3) ? null : new PendingBatch(reader.GetString(2), reader.GetString(3));
        return new ShardLease(stream, shardId, owner, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), pending);
    }

    /// <summary>Announces the batch about to be published, so a successor can re-publish exactly it.</summary>
    public Task AnnounceAsync(ShardLease lease, PendingBatch batch, CancellationToken cancellationToken) =>
        UpdateHeldAsync(lease, "pending_first = $5, pending_last = $6", [batch.First, batch.Last], cancellationToken);

    /// <summary>Moves the checkpoint after a batch was published and clears the announcement.</summary>
    public Task CheckpointAsync(ShardLease lease, string sequenceNumber, CancellationToken cancellationToken) =>
        UpdateHeldAsync(lease, "sequence_number = $5, pending_first = null, pending_last = null", [sequenceNumber], cancellationToken);

    /// <summary>Marks a closed shard read to its end and gives up its lease, which frees its children.</summary>
    public Task FinishAsync(ShardLease lease, CancellationToken cancellationToken) =>
        UpdateHeldAsync(lease, "finished = true, pending_first = null, pending_last = null, lease_owner = null, lease_expires_at = null", [],
            cancellationToken);

    /// <summary>Gives leases up at a graceful stop, so another instance takes them at once instead of after expiry.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<ShardLease> leases, CancellationToken cancellationToken)
    {
        if (leases.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand("""
            update ingest.shard_checkpoints c set lease_owner = null, lease_expires_at = null
            from unnest($3::text[], $4::bigint[]) as held(shard_id, counter)
            where c.stream = $1 and c.lease_owner = $2 and c.shard_id = held.shard_id and c.lease_counter = held.counter
            """);
        var first = leases.First();
        command.Parameters.Add(new NpgsqlParameter { Value = first.Stream });
        command.Parameters.Add(new NpgsqlParameter { Value = first.Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = leases.Select(l => l.ShardId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = leases.Select(l => l.Counter).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task UpdateHeldAsync(ShardLease lease, string assignments, string[] values, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update ingest.shard_checkpoints set {assignments}, updated_at = now()
            where stream = $1 and shard_id = $2 and lease_owner = $3 and lease_counter = $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Stream });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.ShardId });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Counter });
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new LeaseLostException(lease.ShardId);
        }
    }
}
