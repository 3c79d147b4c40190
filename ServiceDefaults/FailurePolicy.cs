using MassTransit;

namespace CdnPulse.ServiceDefaults;

/// <summary>
/// The one failure policy of every receive endpoint: retries at growing intervals (quick ones for transient
/// faults, slower ones for a dependency that is briefly down), then the message moves to <c>&lt;queue&gt;_error</c>
/// (MassTransit's fault path), never acknowledged away. Debian's RabbitMQ lacks the delayed-exchange plugin, so the
/// waits happen in process rather than as broker redeliveries; on Amazon SQS the slow rounds can move to the broker.
/// </summary>
public static class FailurePolicy
{
    public static void Apply(IReceiveEndpointConfigurator endpoint, MessagingOptions options)
    {
        endpoint.UseMessageRetry(r => r.Intervals(options.EffectiveRetryIntervals));
    }
}
