namespace CdnPulse.Ingest.Transform;

/// <summary>Firehose's record results: Ok and Dropped count as processed, ProcessingFailed goes to the error output.</summary>
public static class TransformResults
{
    public const string Ok = "Ok";
    public const string Dropped = "Dropped";
    public const string ProcessingFailed = "ProcessingFailed";
}
