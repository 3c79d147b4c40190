namespace CdnPulse.Ingest.LambdaEdge;

/// <summary>The Lambda@Edge records endpoint (section "LambdaEdge").</summary>
public sealed class LambdaEdgeOptions
{
    public const string SectionName = "LambdaEdge";

    /// <summary>Largest accepted body after decompression.</summary>
    public long MaxBodyBytes { get; set; } = 6L * 1024 * 1024;
}
