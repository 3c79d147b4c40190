using CdnPulse.Contracts;
using MassTransit;

namespace CdnPulse.MetricsQuery.Live;

/// <summary>Hands every window update to the relay, which announces it to this instance's stream clients.</summary>
internal sealed class MetricWindowUpdatedConsumer(WindowUpdateRelay relay) : IConsumer<MetricWindowUpdated>
{
    public Task Consume(ConsumeContext<MetricWindowUpdated> context)
    {
        relay.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
