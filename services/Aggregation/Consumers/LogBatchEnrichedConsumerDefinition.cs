using MassTransit;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>
/// Groups up to 100 batches (or whatever arrived within 1 s) into one fold and one transaction. Ingest's batches hold
/// up to 5000 lines, so the prefetch of 200 keeps at most about a million lines in memory; two groups run at once, one
/// folding while the other commits.
/// </summary>
internal sealed class LogBatchEnrichedConsumerDefinition : ConsumerDefinition<LogBatchEnrichedConsumer>
{
    public LogBatchEnrichedConsumerDefinition()
    {
        Endpoint(e => e.PrefetchCount = 200);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LogBatchEnrichedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(100)
            .SetTimeLimit(TimeSpan.FromSeconds(1))
            .SetConcurrencyLimit(2));
    }
}
