using System.Diagnostics;
using System.Text.Json;
using CdnPulse.Aggregation.Options;
using CdnPulse.Contracts;
using CdnPulse.EventStore;
using CdnPulse.Metrics;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>
/// Folds a group of enriched batches into 1-minute windows and appends one contribution per window, in the same
/// transaction as the batch ledger. The group is acknowledged only after that commit; a crash before it leaves the
/// messages unacknowledged and nothing counted, a crash after it leaves ids in the ledger so redelivery counts nothing twice.
/// Lines older than the retention are counted as dropped in that same transaction, never folded and never lost silently.
/// </summary>
internal sealed class LogBatchEnrichedConsumer(
    NpgsqlDataSource dataSource,
    EventStore.EventStore eventStore,
    CountedBatchLedger ledger,
    DroppedLineLedger droppedLines,
    AggregationMetrics metrics,
    IOptions<AggregationOptions> options,
    TimeProvider time,
    ILogger<LogBatchEnrichedConsumer> logger) : IConsumer<Batch<LogBatchEnriched>>
{
    public static readonly ActivitySource ActivitySource = new("CdnPulse.Aggregation");

    private const int LoggedDuplicateIds = 20;

    public async Task Consume(ConsumeContext<Batch<LogBatchEnriched>> context)
    {
        var cancellationToken = context.CancellationToken;
        var batches = context.Message.Select(m => m.Message).DistinctBy(m => m.BatchId).ToList();
        // The span continues the first message's trace; the group's other traces get a link each, so they lead here too.
        using var activity = ActivitySource.StartActivity("aggregate log batches", ActivityKind.Internal, parentContext: default, links: OtherTraces(context.Message));
        activity?.SetTag("cdnpulse.batch.count", batches.Count);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ledger.ClaimAsync(connection, transaction, batches.Select(b => b.BatchId).ToList(), cancellationToken);

        var clock = Stopwatch.StartNew();
        var retentionDays = options.Value.RetentionDays;
        var folder = new WindowFolder(time.GetUtcNow() - TimeSpan.FromDays(retentionDays));
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
        var foldMs = clock.ElapsedMilliseconds;
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
        if (folder.Dropped.Count > 0)
        {
            await droppedLines.RecordAsync(connection, transaction, folder.Dropped, cancellationToken);
        }
        var appendMs = clock.ElapsedMilliseconds - foldMs;
        await transaction.CommitAsync(cancellationToken);
        var commitMs = clock.ElapsedMilliseconds - foldMs - appendMs;

        activity?.SetTag("cdnpulse.window.count", contributions.Count);
        activity?.SetTag("cdnpulse.lines.folded", folder.Folded);
        activity?.SetTag("cdnpulse.domains", string.Join(",", contributions.Select(c => c.Domain).Distinct(StringComparer.Ordinal).Take(20)));
        metrics.Committed(folder.Folded, batches.Count - fresh.Count, contributions.Count);
        AggregationLog.Committed(logger, fresh.Count, batches.Count - fresh.Count, folder.Folded, contributions.Count, foldMs, appendMs, commitMs);
        if (fresh.Count < batches.Count)
        {
            AggregationLog.SkippedDuplicates(logger, string.Join(", ", batches.Where(b => !claimed.Contains(b.BatchId)).Take(LoggedDuplicateIds).Select(b => b.BatchId)));
        }
        foreach (var (domain, dropped) in folder.Dropped.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            metrics.DroppedTooLate(domain, dropped.Lines);
            AggregationLog.DroppedTooLate(logger, dropped.Lines, domain, DateTimeOffset.FromUnixTimeMilliseconds(dropped.OldestMinuteMs),
                DateTimeOffset.FromUnixTimeMilliseconds(dropped.NewestMinuteMs), retentionDays);
        }
        foreach (var update in updates)
        {
            await context.Publish(update, cancellationToken);
        }
    }

    private static List<ActivityLink> OtherTraces(Batch<LogBatchEnriched> messages) =>
    [
        .. messages.Select(m => m.Headers.Get<string>(MassTransit.Logging.DiagnosticHeaders.ActivityId))
            .Select(id => ActivityContext.TryParse(id, null, out var linked) ? linked : default)
            .Where(linked => linked != default && linked.TraceId != Activity.Current?.TraceId)
            .DistinctBy(linked => linked.TraceId)
            .Select(linked => new ActivityLink(linked)),
    ];
}
