using MassTransit;

namespace CdnPulse.ServiceDefaults;

/// <summary>
/// The one failure policy of every receive endpoint: quick retries for transient faults, nested in slower
/// "redelivery" rounds, then the message moves to <c>&lt;queue&gt;_error</c> (MassTransit's default fault path),
/// never acknowledged away. Debian's RabbitMQ lacks the delayed-exchange plugin, so the redelivery rounds wait
/// in process rather than on the broker; with Amazon SQS the same rounds can move to the broker.
/// </summary>
public static class FailurePolicy
{
    public static readonly TimeSpan[] RedeliveryIntervals =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    public static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    public static void Apply(IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseMessageRetry(r => r.Intervals(RedeliveryIntervals));
        endpoint.UseMessageRetry(r => r.Intervals(RetryIntervals));
    }
}
