using CdnPulse.CdnLogs;

namespace CdnPulse.Ingest;

/// <summary>How Ingest reads log lines (section "Ingest").</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>The real-time log configuration's field list (comma separated); defaults to the reference's 11 fields.</summary>
    public string LogFields { get; set; } = RealtimeLogFormat.Default.ToString();

    /// <summary>Requests per published message: larger source batches are split, with ids that stay deterministic.</summary>
    public int MaxRequestsPerMessage { get; set; } = 5000;

    /// <summary>Whether this instance reads the Kinesis stream (the HTTP endpoints are always on).</summary>
    public bool ReadKinesis { get; set; } = true;

    /// <summary>
    /// This instance's name in the shard lease table; unique per running instance. Empty: generated at start from
    /// the host name, the process id and a random suffix.
    /// </summary>
    public string? InstanceId { get; set; }
}
