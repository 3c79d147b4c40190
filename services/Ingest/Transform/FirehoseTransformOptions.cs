namespace CdnPulse.Ingest.Transform;

/// <summary>The transform endpoint (section "FirehoseTransform").</summary>
public sealed class FirehoseTransformOptions
{
    public const string SectionName = "FirehoseTransform";

    /// <summary>Largest accepted body after decompression (a Lambda invocation payload is at most 6 MB).</summary>
    public long MaxBodyBytes { get; set; } = 6L * 1024 * 1024;
}
