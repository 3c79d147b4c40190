namespace CdnPulse.Ingest.Kinesis;

/// <summary>A shard's lease row as the balancer sees it; <see cref="Live"/> means the lease has not expired (by the database's clock).</summary>
public sealed record ShardLeaseRow(string ShardId, bool Finished, string? Owner, long Counter, bool Live);
