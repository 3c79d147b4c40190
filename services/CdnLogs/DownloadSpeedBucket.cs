namespace CdnPulse.CdnLogs;

/// <summary>
/// Download-speed buckets of reference §3.5, in bytes per second (K = 1024). Each is named after its label,
/// which is the bucket's upper bound; see <see cref="RequestClassification.DownloadSpeedLabel"/>.
/// </summary>
public enum DownloadSpeedBucket
{
    /// <summary>"250K": below 256000.</summary>
    Under250K,

    /// <summary>"500K": [256000, 512000).</summary>
    Under500K,

    /// <summary>"750K": [512000, 768000).</summary>
    Under750K,

    /// <summary>"1M": [768000, 1048576).</summary>
    Under1M,

    /// <summary>"2M": [1048576, 2097152).</summary>
    Under2M,

    /// <summary>"3M": [2097152, 3145728).</summary>
    Under3M,

    /// <summary>"4M": [3145728, 4194304).</summary>
    Under4M,

    /// <summary>"Other": 4194304 and above, including an infinite speed (time-taken 0).</summary>
    Other,
}
