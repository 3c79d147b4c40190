namespace CdnPulse.MetricsQuery.Caching;

/// <summary>The minute cache's settings (section "MinuteCache").</summary>
public sealed class MinuteCacheOptions
{
    public const string SectionName = "MinuteCache";

    /// <summary>Off: every query reads PostgreSQL.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a block is served without re-reading, even when no update said it changed. Updates arrive on every
    /// change and the cache is cleared whenever the live-update queue reconnects, so this only bounds staleness after
    /// writes that publish no update (cdnpulse-admin rebuild, or events appended by hand).
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The cache's memory bound: entries are sized by an estimate of their bytes (about 1 KiB per cached minute of
    /// counts, 5–10 KiB with the latency histograms, ~150 bytes per URL of a block's URL segment) and the least
    /// recently used are evicted beyond this.
    /// </summary>
    public long MaxMegabytes { get; set; } = 512;
}
