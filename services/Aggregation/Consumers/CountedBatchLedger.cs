using Npgsql;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>
/// Records which log batches have been counted, inside the transaction that appends their contribution: a batch
/// id that is already there (a redelivery, a retry after a crash, a second instance) is never counted again.
/// </summary>
internal sealed class CountedBatchLedger
{
    /// <summary>Claims the ids not yet counted. A concurrent claimant of the same id waits on the unique index and then gets nothing.</summary>
    public async Task<HashSet<string>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> batchIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into metrics.counted_batches (batch_id)
            select id from unnest($1::text[]) as id order by id
            on conflict (batch_id) do nothing
            returning batch_id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = batchIds.Order(StringComparer.Ordinal).ToArray() });
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(reader.GetString(0));
        }
        return claimed;
    }
}
