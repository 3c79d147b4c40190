using System.Collections.Concurrent;
using CdnPulse.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// Per-minute window statistics in memory, in blocks of <see cref="BlockLength"/> per (domain, country or all), read
/// from PostgreSQL through <see cref="MinuteStatsReader"/> on a miss (one read for every run of missing blocks of a
/// query), and the URL summaries of each block added up (<see cref="UrlSegment"/>; a range that starts or ends inside
/// a block gets a segment of its own for that part), from which <see cref="TopUrlsAsync"/> ranks any range exactly.
/// Entries are sized by an estimate of their bytes and the least recently used go beyond
/// <see cref="MinuteCacheOptions.MaxMegabytes"/>.
/// A block is dropped when a live update says one of its minutes changed (after the projection applied it), when the
/// live-update queue reconnects (updates may have been missed), and after <see cref="MinuteCacheOptions.MaxAge"/>; while
/// a rebuild replays the tables (<see cref="RebuildWatcher"/>) queries bypass it.
/// Invalidation is by version: a read that raced with an update stores its block under the old version, so the next
/// query reads again. The returned stats are shared: callers merge them into their own objects and never change them.
/// </summary>
internal sealed class MinuteCache : IDisposable
{
    public static readonly TimeSpan BlockLength = TimeSpan.FromMinutes(15);

    private readonly MinuteStatsReader _reader;
    private readonly MinuteCacheOptions _options;
    private readonly MemoryCache _blocks;
    private readonly ConcurrentDictionary<(string Domain, long Block), long> _versions = new();
    private long _generation;
    private volatile bool _bypassed;

    public MinuteCache(MinuteStatsReader reader, IOptions<MinuteCacheOptions> options)
    {
        _reader = reader;
        _options = options.Value;
        // Sizes are in KiB.
        _blocks = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.MaxMegabytes * 1024, CompactionPercentage = 0.25 });
    }

    /// <summary>Minutes in [from, to) with data, in time order: counts, sums, status codes, edge types, and histograms when asked.</summary>
    public async Task<IReadOnlyList<KeyValuePair<DateTimeOffset, WindowStats>>> ReadAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, bool includeHistograms, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _bypassed)
        {
            return [.. await _reader.ReadAsync(domain, from, to, country, includeHistograms, cancellationToken)];
        }
        var blocks = await ReadBlocksAsync(domain, from, to, country, includeHistograms, cancellationToken);
        return blocks.SelectMany(b => b.Minutes).Where(m => m.Key >= from && m.Key < to).ToList();
    }

    /// <summary>
    /// The windows of <paramref name="interval"/> (which divides <see cref="BlockLength"/>) in [from, to) (both on the
    /// interval's boundaries) that have data, in time order, each merged from its minutes once per cached block and
    /// carrying the points rendered for it so far (<see cref="CachedWindow"/>); dropped with their block.
    /// </summary>
    public async Task<IReadOnlyList<CachedWindow>> ReadWindowsAsync(string domain, DateTimeOffset from, DateTimeOffset to, string? country,
        bool includeHistograms, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (!Divides(interval, from, to))
        {
            throw new ArgumentException($"{interval} must divide {BlockLength} and both ends of the range.", nameof(interval));
        }
        if (to <= from)
        {
            return [];
        }
        if (!_options.Enabled || _bypassed)
        {
            return MergeWindows(await _reader.ReadAsync(domain, from, to, country, includeHistograms, cancellationToken), interval);
        }
        var windows = new List<CachedWindow>();
        foreach (var block in await ReadBlocksAsync(domain, from, to, country, includeHistograms, cancellationToken))
        {
            foreach (var window in block.Windows(interval))
            {
                // Windows never straddle a block or the range's ends, so each is wholly in or out.
                if (window.End - interval >= from && window.End <= to)
                {
                    windows.Add(window);
                }
            }
        }
        return windows;
    }

    /// <summary>Whether <see cref="ReadWindowsAsync"/> can answer windows of <paramref name="interval"/> over [from, to).</summary>
    public static bool Divides(TimeSpan interval, DateTimeOffset from, DateTimeOffset to) =>
        interval > TimeSpan.Zero && BlockLength.Ticks % interval.Ticks == 0 && from.UtcTicks % interval.Ticks == 0 && to.UtcTicks % interval.Ticks == 0;

    private async Task<Block[]> ReadBlocksAsync(
        string domain, DateTimeOffset from, DateTimeOffset to, string? country, bool includeHistograms, CancellationToken cancellationToken)
    {
        var first = BlockOf(from);
        var last = BlockOf(to - TimeSpan.FromTicks(1));
        var blocks = new Block?[last - first + 1];
        for (var b = first; b <= last; b++)
        {
            blocks[b - first] = Find(domain, country, b, includeHistograms);
        }
        // Contiguous runs of missing blocks are read with one query each.
        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i] is not null)
            {
                continue;
            }
            var end = i;
            while (end + 1 < blocks.Length && blocks[end + 1] is null)
            {
                end++;
            }
            var versions = Enumerable.Range(i, end - i + 1).Select(j => Version(domain, first + j)).ToArray();
            var minutes = await _reader.ReadAsync(domain, Start(first + i), Start(first + end + 1), country, includeHistograms, cancellationToken);
            for (var j = i; j <= end; j++)
            {
                var block = new Block(versions[j - i], minutes.Where(m => BlockOf(m.Key) == first + j).ToArray());
                blocks[j] = block;
                Store(domain, country, first + j, includeHistograms, block);
            }
            i = end;
        }
        return blocks!;
    }

    /// <summary>
    /// The <paramref name="count"/> URLs with the most requests or bytes over the minutes in [from, to): the same list
    /// and values as <see cref="MinuteStatsReader.ReadTopUrlsAsync"/>, from the cached segments of the blocks.
    /// </summary>
    public async Task<IReadOnlyList<TopUrl>> TopUrlsAsync(string domain, DateTimeOffset from, DateTimeOffset to, string? country,
        UrlRanking ranking, int count, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _bypassed)
        {
            return await _reader.ReadTopUrlsAsync(domain, from, to, country, ranking, count, cancellationToken);
        }
        if (to <= from)
        {
            return [];
        }
        var first = BlockOf(from);
        var last = BlockOf(to - TimeSpan.FromTicks(1));
        var keys = new UrlSegmentKey[last - first + 1];
        var segments = new UrlSegment?[keys.Length];
        for (var b = first; b <= last; b++)
        {
            var key = new UrlSegmentKey(domain, country ?? "", Max(from, Start(b)).UtcTicks, Min(to, Start(b + 1)).UtcTicks);
            keys[b - first] = key;
            if (_blocks.TryGetValue(key, out UrlSegment? found) && found is not null && found.Version == Version(domain, b))
            {
                segments[b - first] = found;
            }
        }
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is not null)
            {
                continue;
            }
            var end = i;
            while (end + 1 < segments.Length && segments[end + 1] is null)
            {
                end++;
            }
            var versions = Enumerable.Range(i, end - i + 1).Select(j => Version(domain, first + j)).ToArray();
            var minutes = await _reader.ReadUrlSummariesAsync(domain, new DateTimeOffset(keys[i].From, TimeSpan.Zero),
                new DateTimeOffset(keys[end].To, TimeSpan.Zero), country, cancellationToken);
            for (var j = i; j <= end; j++)
            {
                var summary = new UrlSummary();
                foreach (var (minute, urls) in minutes)
                {
                    if (BlockOf(minute) == first + j)
                    {
                        summary.Merge(urls);
                    }
                }
                var segment = new UrlSegment(versions[j - i], summary);
                segments[j] = segment;
                _blocks.Set(keys[j], segment, new MemoryCacheEntryOptions
                {
                    Size = Kibibytes(segment.EstimatedBytes),
                    AbsoluteExpirationRelativeToNow = _options.MaxAge,
                });
            }
            i = end;
        }
        return TopUrlMerger.Top(segments!, ranking, count);
    }

    /// <summary>A minute of <paramref name="domain"/> changed (and is applied): every cached block holding it is stale.</summary>
    public void Invalidate(string domain, DateTimeOffset minute) =>
        _versions.AddOrUpdate((domain, BlockOf(minute)), 1, (_, version) => version + 1);

    /// <summary>Forgets everything (updates may have been missed).</summary>
    public void Clear() => Interlocked.Increment(ref _generation);

    /// <summary>Whether queries go straight to PostgreSQL (while a rebuild replays the tables).</summary>
    public bool Bypassed => _bypassed;

    /// <summary>Starts or ends bypassing; either way, what was cached before is forgotten.</summary>
    public void Bypass(bool bypass)
    {
        _bypassed = bypass;
        Clear();
    }

    public void Dispose() => _blocks.Dispose();

    private Block? Find(string domain, string? country, long block, bool includeHistograms)
    {
        var version = Version(domain, block);
        // A block with histograms also answers a query without them.
        foreach (var histograms in includeHistograms ? [true] : new[] { false, true })
        {
            if (_blocks.TryGetValue(Key(domain, country, block, histograms), out Block? found) && found is not null && found.Version == version)
            {
                return found;
            }
        }
        return null;
    }

    private void Store(string domain, string? country, long block, bool includeHistograms, Block value) =>
        _blocks.Set(Key(domain, country, block, includeHistograms), value, new MemoryCacheEntryOptions
        {
            Size = Kibibytes(value.Minutes.Sum(m => EstimatedBytes(m.Value) + DerivedBytesPerMinute)),
            AbsoluteExpirationRelativeToNow = _options.MaxAge,
        });

    /// <summary>
    /// An allowance per minute for what a block derives later (<see cref="ReadWindowsAsync"/>'s merged windows and
    /// their rendered points: ~11 KiB per block for <c>Metric=all</c> in 5-minute windows); sizes are fixed when stored.
    /// </summary>
    private const long DerivedBytesPerMinute = 1024;

    /// <summary>A rough size of a cached minute: the object and its dictionaries, ~50 bytes per entry, ~40 per histogram bucket.</summary>
    private static long EstimatedBytes(WindowStats s) =>
        1024 + (50L * (s.StatusCodes.Count + s.StatusCodesOrigin.Count + s.EdgeTypes.Count))
        + (40L * (s.TimeTakenHistogram.BucketCount + s.FirstByteHistogram.BucketCount));

    private static long Kibibytes(long bytes) => Math.Max(1, (bytes + 1023) / 1024);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The block's version: its own count of invalidations plus the cache's generation (so <see cref="Clear"/> reaches every block).</summary>
    private long Version(string domain, long block) =>
        (Interlocked.Read(ref _generation) << 32) + (_versions.TryGetValue((domain, block), out var version) ? version : 0);

    private static (string, string, long, bool) Key(string domain, string? country, long block, bool histograms) => (domain, country ?? "", block, histograms);

    private static long BlockOf(DateTimeOffset time) => time.UtcTicks / BlockLength.Ticks;

    private static DateTimeOffset Start(long block) => new(block * BlockLength.Ticks, TimeSpan.Zero);

    /// <summary>The minutes merged into windows of <paramref name="interval"/> (fresh objects), in time order.</summary>
    private static CachedWindow[] MergeWindows(IEnumerable<KeyValuePair<DateTimeOffset, WindowStats>> minutes, TimeSpan interval)
    {
        var windows = new SortedDictionary<DateTimeOffset, CachedWindow>();
        foreach (var (minute, stats) in minutes)
        {
            var end = new DateTimeOffset(minute.UtcTicks - (minute.UtcTicks % interval.Ticks), TimeSpan.Zero) + interval;
            if (!windows.TryGetValue(end, out var window))
            {
                window = new CachedWindow(end, new WindowStats());
                windows[end] = window;
            }
            // Histograms too: a block read without them has empty ones, so this adds nothing there.
            window.Stats.Merge(stats, includeHistograms: true);
        }
        return [.. windows.Values];
    }

    private sealed record Block(long Version, KeyValuePair<DateTimeOffset, WindowStats>[] Minutes)
    {
        private readonly ConcurrentDictionary<long, CachedWindow[]> _windows = new();

        /// <summary>The block's windows of <paramref name="interval"/>, merged on first use and kept as long as the block.</summary>
        public CachedWindow[] Windows(TimeSpan interval) =>
            _windows.GetOrAdd(interval.Ticks, static (_, state) => MergeWindows(state.Minutes, state.Interval), (Minutes, Interval: interval));
    }

    /// <summary>A URL segment's key: the minutes [From, To) (UTC ticks) of one block.</summary>
    private readonly record struct UrlSegmentKey(string Domain, string Country, long From, long To);
}
