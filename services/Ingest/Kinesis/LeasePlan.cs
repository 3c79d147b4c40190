namespace CdnPulse.Ingest.Kinesis;

/// <summary>What one balancing round does: take free or expired shards, and at most one steal from an over-loaded owner.</summary>
public sealed record LeasePlan(int Target, IReadOnlyList<ShardLeaseRow> Take, ShardLeaseRow? Steal);
