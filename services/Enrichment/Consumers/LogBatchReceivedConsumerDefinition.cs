using MassTransit;

namespace CdnPulse.Enrichment.Consumers;

/// <summary>Enrichment is CPU-bound and stateless: a few batches at a time per instance, scaled out by instances.</summary>
internal sealed class LogBatchReceivedConsumerDefinition : ConsumerDefinition<LogBatchReceivedConsumer>
{
    public LogBatchReceivedConsumerDefinition()
    {
        ConcurrentMessageLimit = Math.Max(2, Environment.ProcessorCount);
        Endpoint(e => e.PrefetchCount = 32);
    }
}
