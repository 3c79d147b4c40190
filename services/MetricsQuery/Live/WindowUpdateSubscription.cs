using System.Threading.Channels;

namespace CdnPulse.MetricsQuery.Live;

/// <summary>One stream client's queue of updates; disposing it unsubscribes.</summary>
internal sealed class WindowUpdateSubscription(string? domain, Action<WindowUpdateSubscription> unsubscribe) : IDisposable
{
    // A slow client loses its oldest updates rather than holding memory or slowing the others.
    private readonly Channel<WindowUpdate> _channel = Channel.CreateBounded<WindowUpdate>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public string? Domain { get; } = domain;

    public ChannelReader<WindowUpdate> Reader => _channel.Reader;

    public void Offer(WindowUpdate update)
    {
        if (Domain is null || string.Equals(Domain, update.Domain, StringComparison.Ordinal))
        {
            _channel.Writer.TryWrite(update);
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        unsubscribe(this);
    }
}
