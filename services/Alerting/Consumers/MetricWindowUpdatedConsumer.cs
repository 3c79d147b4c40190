using CdnPulse.Alerting.Evaluation;
using CdnPulse.Contracts;
using MassTransit;

namespace CdnPulse.Alerting.Consumers;

/// <summary>
/// A window changed (new or late lines): evaluate the domain's alarms once the minute tables hold the change. Only
/// queues the request, so the message is acknowledged at once; losing a queued request in a crash costs nothing,
/// because the start-up pass and the minute timer evaluate every alarm anyway.
/// </summary>
internal sealed class MetricWindowUpdatedConsumer(EvaluationQueue queue) : IConsumer<MetricWindowUpdated>
{
    public Task Consume(ConsumeContext<MetricWindowUpdated> context)
    {
        queue.Domain(context.Message.Domain, context.Message.Position);
        return Task.CompletedTask;
    }
}
