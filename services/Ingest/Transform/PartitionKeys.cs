namespace CdnPulse.Ingest.Transform;

/// <summary>The reference's S3 partition keys: the request's UTC time, zero-padded, and its domain (cs-host).</summary>
public sealed record PartitionKeys(string Year, string Month, string Day, string Hour, string Minute, string Domain);
