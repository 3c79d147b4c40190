namespace CdnPulse.Ingest.Kinesis;

/// <summary>How Ingest instances share the stream's shards (section "Ingest:Leases").</summary>
public sealed class ShardLeaseOptions
{
    public const string SectionName = "Ingest:Leases";

    /// <summary>A lease not renewed for this long is free for another instance: the failover time after a crash.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often held leases are renewed and the spread is rebalanced; at most a third of <see cref="Duration"/>.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the stream's shard list is read (new shards after a reshard show up within this).</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    internal bool IsValid() =>
        Duration >= TimeSpan.FromSeconds(1) && RenewInterval > TimeSpan.Zero && RenewInterval * 3 <= Duration
        && DiscoveryInterval > TimeSpan.Zero;
}
