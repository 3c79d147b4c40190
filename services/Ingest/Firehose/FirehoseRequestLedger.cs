using Microsoft.Extensions.Options;
using Npgsql;

namespace CdnPulse.Ingest.Firehose;

/// <summary>
/// Firehose request ids already published (<c>ingest.firehose_requests</c>). Firehose keeps a request's id across its
/// retries, so a retry of a delivered request is answered 200 without publishing again. An id is recorded only after
/// its batch was published; a crash in between makes the retry publish again under the same batch ids, which
/// Aggregation's ledger drops.
/// </summary>
public sealed class FirehoseRequestLedger(NpgsqlDataSource dataSource, IOptions<FirehoseOptions> options)
{
    public async Task<bool> WasDeliveredAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select exists (select 1 from ingest.firehose_requests where request_id = $1 and received_at > now() - $2::interval)");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.RequestIdRetention });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task RecordAsync(string requestId, int acceptedLines, int rejectedLines, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into ingest.firehose_requests (request_id, accepted_lines, rejected_lines) values ($1, $2, $3)
            on conflict (request_id) do update set received_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        command.Parameters.Add(new NpgsqlParameter { Value = acceptedLines });
        command.Parameters.Add(new NpgsqlParameter { Value = rejectedLines });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets ids older than the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from ingest.firehose_requests where received_at <= now() - $1::interval");
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.RequestIdRetention });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
