using MassTransit;

namespace CdnPulse.Aggregation.Consumers;

/// <summary>Groups up to 100 batches (or whatever arrived within 200 ms) into one fold and one transaction.</summary>
internal sealed class LogBatchEnrichedConsumerDefinition : ConsumerDefinition<LogBatchEnrichedConsumer>
{
    public LogBatchEnrichedConsumerDefinition()
    {
        Endpoint(e => e.PrefetchCount = 400);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LogBatchEnrichedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(100)
            .SetTimeLimit(TimeSpan.FromMilliseconds(200))
            .SetConcurrencyLimit(2));
    }
}
