using System.Collections.Concurrent;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// One window (of an interval that divides <see cref="MinuteCache.BlockLength"/>) merged from the minutes of a cached
/// block, and the points already rendered for it per metric. It lives and dies with its block: a live update that
/// changes one of the block's minutes replaces the block, and with it these windows and their rendered bytes.
/// <see cref="Stats"/> is shared: callers read it and never change it.
/// </summary>
internal sealed class CachedWindow(DateTimeOffset end, WindowStats stats)
{
    private readonly ConcurrentDictionary<string, byte[]> _points = new(StringComparer.Ordinal);

    public DateTimeOffset End => end;

    public WindowStats Stats => stats;

    /// <summary>
    /// The point of <paramref name="metric"/> for this window, rendered once: the bytes are a function of the window's
    /// end, its statistics and the interval only, which are fixed for the life of the block.
    /// </summary>
    public byte[] Point<TState>(string metric, Func<string, TState, byte[]> render, TState state) =>
        _points.GetOrAdd(metric, render, state);

}
