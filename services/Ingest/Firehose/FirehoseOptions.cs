namespace CdnPulse.Ingest.Firehose;

/// <summary>The Firehose HTTP endpoint destination (section "Firehose").</summary>
public sealed class FirehoseOptions
{
    public const string SectionName = "Firehose";

    /// <summary>The access key configured on the delivery stream; Firehose sends it verbatim in X-Amz-Firehose-Access-Key.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Largest accepted body after decompression (Firehose's HTTP buffer is at most 64 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long a delivered request id is remembered, so a retry of it is answered 200 without publishing again.
    /// Firehose retries for at most its configured retry duration (up to 2 hours) after buffering.
    /// </summary>
    public TimeSpan RequestIdRetention { get; set; } = TimeSpan.FromHours(24);
}
