using MassTransit;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// Clears the <see cref="MinuteCache"/> whenever a receive endpoint becomes ready: at start and after every reconnect of
/// the live-update queue, since updates published while it was down are lost with its temporary queue.
/// </summary>
internal sealed class CacheResetObserver(MinuteCache cache) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        cache.Clear();
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        cache.Clear();
        return Task.CompletedTask;
    }
}
