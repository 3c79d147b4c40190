using MassTransit;

namespace CdnPulse.Alerting.Consumers;

/// <summary>
/// Alerting's own queue for window updates: an explicit name, so another service's consumer of the same message
/// never shares (and competes for) this queue.
/// </summary>
internal sealed class MetricWindowUpdatedConsumerDefinition : ConsumerDefinition<MetricWindowUpdatedConsumer>
{
    public const string QueueName = "alerting-metric-window-updated";

    public MetricWindowUpdatedConsumerDefinition()
    {
        EndpointName = QueueName;
        Endpoint(e => e.PrefetchCount = 256);
    }
}
