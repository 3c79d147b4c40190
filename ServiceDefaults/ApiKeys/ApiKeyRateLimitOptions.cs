namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>
/// Per-key rate limits (section "RateLimiting"): a token bucket per key, refilled every second. Requests without a
/// valid key share one bucket per client address, with its own (smaller) limits, which also slows key guessing.
/// </summary>
public sealed class ApiKeyRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sustained requests per second per key.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a key may make at once (the bucket's size).</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Sustained requests per second per client address without a valid key.</summary>
    public int AnonymousPermitsPerSecond { get; set; } = 5;

    public int AnonymousBurst { get; set; } = 20;
}
