namespace CdnPulse.Kinesis.Model;

/// <summary>Where PutRecord stored a record.</summary>
public sealed record PutRecordResult(string ShardId, string SequenceNumber, string? EncryptionType = null);
