using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Publishing;

/// <summary>
/// Publishes parsed lines as <see cref="LogBatchReceived"/> messages. A source batch larger than the per-message
/// limit is split into parts whose ids derive from the source id (<c>id#0</c>, <c>id#1</c>, …), so a re-read of the
/// same source batch produces the same ids and downstream drops the duplicates.
/// </summary>
public sealed class LogBatchPublisher(IBus bus, IOptions<IngestOptions> options, IngestMetrics metrics, RejectLog rejectLog)
{
    public async Task PublishAsync(string source, string batchId, IReadOnlyList<CdnRequest> requests, RejectCounter rejects, CancellationToken cancellationToken)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var size = options.Value.MaxRequestsPerMessage;
        using var activity = IngestMetrics.ActivitySource.StartActivity("publish log batch");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("cdnpulse.batch.id", batchId);
            activity.SetTag("cdnpulse.batch.source", source);
            activity.SetTag("cdnpulse.batch.requests", requests.Count);
            activity.SetTag("cdnpulse.lines.rejected", rejects.Total);
            // The first few distinct domains, so that a batch of many sites keeps a short attribute.
            activity.SetTag("cdnpulse.domains", string.Join(",", requests.Select(r => r.Host).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(20)));
        }
        if (requests.Count <= size)
        {
            await bus.Publish(new LogBatchReceived(batchId, source, receivedAt, requests, rejects.Total), cancellationToken);
        }
        else
        {
            var part = 0;
            for (var offset = 0; offset < requests.Count; offset += size, part++)
            {
                var slice = requests.Skip(offset).Take(size).ToArray();
                await bus.Publish(new LogBatchReceived($"{batchId}#{part}", source, receivedAt, slice, part == 0 ? rejects.Total : 0), cancellationToken);
            }
        }
        metrics.Accepted(source, requests.Count);
        if (rejects.Total > 0)
        {
            metrics.Rejected(source, rejects);
            rejectLog.Record(batchId, rejects);
        }
    }
}
