using System.Collections.Concurrent;

namespace CdnPulse.MetricsQuery.Live;

/// <summary>Fans window updates out to this instance's stream clients.</summary>
internal sealed class WindowUpdateHub
{
    private readonly ConcurrentDictionary<WindowUpdateSubscription, byte> _subscriptions = new();

    public int Count => _subscriptions.Count;

    public WindowUpdateSubscription Subscribe(string? domain)
    {
        var subscription = new WindowUpdateSubscription(domain, s => _subscriptions.TryRemove(s, out _));
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(WindowUpdate update)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Offer(update);
        }
    }
}
