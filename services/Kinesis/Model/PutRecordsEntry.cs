namespace CdnPulse.Kinesis.Model;

/// <summary>One record of a PutRecords batch; <see cref="ExplicitHashKey"/> overrides the shard chosen from the partition key.</summary>
public sealed record PutRecordsEntry(string PartitionKey, ReadOnlyMemory<byte> Data, string? ExplicitHashKey = null);
