using System.Diagnostics;
using System.Text.Json;
using CdnPulse.Contracts;
using CdnPulse.EventStore;
using CdnPulse.Metrics;
using MassTransit;
using Npgsql;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>
/// Folds a group of enriched batches into 1-minute windows and appends one contribution per window, in the same
/// transaction as the batch ledger. The group is acknowledged only after that commit; a crash before it leaves the
/// messages unacknowledged and nothing counted, a crash after it leaves ids in the ledger so redelivery counts nothing twice.
/// </summary>
internal sealed class LogBatchEnrichedConsumer(
    NpgsqlDataSource dataSource,
    EventStore.EventStore eventStore,
    CountedBatchLedger ledger,
    ILogger<LogBatchEnrichedConsumer> logger) : IConsumer<Batch<LogBatchEnriched>>
{
    public static readonly ActivitySource ActivitySource = new("CdnPulse.Aggregation");

    public async Task Consume(ConsumeContext<Batch<LogBatchEnriched>> context)
    {
        var cancellationToken = context.CancellationToken;
        var batches = context.Message.Select(m => m.Message).DistinctBy(m => m.BatchId).ToList();
        using var activity = ActivitySource.StartActivity("aggregate log batches");
        activity?.SetTag("cdnpulse.batch.count", batches.Count);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ledger.ClaimAsync(connection, transaction, batches.Select(b => b.BatchId).ToList(), cancellationToken);

        var folder = new WindowFolder();
        var fresh = batches.Where(b => claimed.Contains(b.BatchId)).ToList();
        foreach (var batch in fresh)
        {
            foreach (var request in batch.Requests)
            {
                folder.Add(request);
            }
        }
        var freshIds = fresh.Select(b => b.BatchId).Order(StringComparer.Ordinal).ToList();
        var contributions = folder.Contributions(freshIds).ToList();
        var metadata = EventMetadata.FromCurrentActivity(context.CorrelationId?.ToString() ?? context.MessageId?.ToString(), context.MessageId?.ToString());
        var updates = new List<MetricWindowUpdated>(contributions.Count);
        // Windows are appended in (domain, minute) order so concurrent consumers lock stream rows in one order.
        foreach (var contribution in contributions)
        {
            var data = JsonSerializer.SerializeToElement(contribution, MetricsJson.Options);
            var result = await eventStore.AppendAsync(connection, transaction, WindowContributed.StreamId(contribution.Domain, contribution.WindowStart),
                ExpectedVersion.Any, [new EventData(WindowContributed.EventType, data, metadata)], cancellationToken);
            updates.Add(new MetricWindowUpdated(contribution.Domain, contribution.WindowStart, result.LastPosition,
                contribution.Countries.Values.Sum(s => s.Requests)));
        }
        await transaction.CommitAsync(cancellationToken);

        activity?.SetTag("cdnpulse.window.count", contributions.Count);
        AggregationLog.Committed(logger, fresh.Count, batches.Count - fresh.Count, contributions.Count);
        foreach (var update in updates)
        {
            await context.Publish(update, cancellationToken);
        }
    }
}
