using MassTransit;

namespace CdnPulse.MetricsQuery.Live;

/// <summary>
/// Every instance serves its own stream clients, so every instance needs every update: a temporary (auto-deleted,
/// non-durable) queue per process, named metrics-query-live-&lt;instance&gt;, rather than one queue shared by competing instances.
/// </summary>
internal sealed class MetricWindowUpdatedConsumerDefinition : ConsumerDefinition<MetricWindowUpdatedConsumer>
{
    public MetricWindowUpdatedConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.Name = "metrics-query-live";
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
            e.PrefetchCount = 64;
        });
    }
}
