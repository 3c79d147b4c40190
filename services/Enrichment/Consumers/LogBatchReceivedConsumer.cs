using CdnPulse.Contracts;
using MassTransit;

namespace CdnPulse.Enrichment.Consumers;

/// <summary>Adds country and ISP to every request of a batch and publishes it on, under the same batch id.</summary>
internal sealed class LogBatchReceivedConsumer(RequestEnricher enricher) : IConsumer<LogBatchReceived>
{
    public async Task Consume(ConsumeContext<LogBatchReceived> context)
    {
        var batch = context.Message;
        var requests = enricher.Enrich(batch.Requests);
        await context.Publish(new LogBatchEnriched(batch.BatchId, batch.Source, batch.ReceivedAt, requests), context.CancellationToken);
    }
}
