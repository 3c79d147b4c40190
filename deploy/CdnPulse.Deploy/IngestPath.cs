namespace CdnPulse.Deploy;

/// <summary>Which of Ingest's two inputs reads the CloudFront stream; only one may, or every line would be counted twice.</summary>
public enum IngestPath
{
    /// <summary>Firehose reads the Kinesis stream and POSTs to Ingest's /firehose; Ingest's own Kinesis reader is off.</summary>
    Firehose,

    /// <summary>Ingest reads the Kinesis stream itself (one task, checkpoints in PostgreSQL); Firehose is Direct PUT only.</summary>
    Kinesis,
}
