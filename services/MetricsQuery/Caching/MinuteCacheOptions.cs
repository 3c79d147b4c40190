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

    /// <summary>Cached minutes (of one domain and country, or all countries) before the least recently used go; about 1 KiB each, 5 with histograms.</summary>
    public long MaxMinutes { get; set; } = 200_000;
}
