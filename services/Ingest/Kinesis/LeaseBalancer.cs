namespace CdnPulse.Ingest.Kinesis;

/// <summary>
/// Decides which leases an instance takes, in the spirit of the Kinesis Client Library: the fair share is
/// ⌈shards ÷ instances⌉; an instance takes free or expired shards up to it, and when none is free and it still has
/// fewer, steals one shard per round from the busiest owner if that owner is above the share (or at it while this
/// instance is two or more below). One shard per round keeps the spread changing gradually, never in a thrash.
/// </summary>
public static class LeaseBalancer
{
    /// <param name="me">This instance's id.</param>
    /// <param name="liveInstances">Instances with a fresh heartbeat (this one included).</param>
    /// <param name="eligible">Shards that may be read now: not finished, parents finished.</param>
    /// <param name="held">Shards this instance's readers hold.</param>
    /// <param name="random">Spreads concurrent takers over different shards.</param>
    public static LeasePlan Plan(string me, int liveInstances, IReadOnlyList<ShardLeaseRow> eligible, IReadOnlySet<string> held, Random random)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(held);
        var others = eligible.Where(r => r.Live && r.Owner is not null && r.Owner != me && !held.Contains(r.ShardId)).ToList();
        // Owners holding live leases count even if their heartbeat row is late.
        var workers = Math.Max(Math.Max(liveInstances, 1), others.Select(r => r.Owner).Distinct(StringComparer.Ordinal).Count() + 1);
        var target = eligible.Count == 0 ? 0 : (eligible.Count + workers - 1) / workers;
        var mine = eligible.Count(r => held.Contains(r.ShardId));

        var free = eligible.Where(r => !held.Contains(r.ShardId) && (r.Owner is null || !r.Live || r.Owner == me)).ToArray();
        random.Shuffle(free);
        var take = free.Take(Math.Max(0, target - mine)).ToList();
        if (take.Count > 0 || mine >= target || others.Count == 0)
        {
            return new LeasePlan(target, take, null);
        }

        var busiest = others.GroupBy(r => r.Owner!, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .OrderByDescending(g => g.Length).ThenBy(g => g[0].Owner, StringComparer.Ordinal)
            .First();
        var steal = busiest.Length > target || (busiest.Length == target && mine < target - 1)
            ? busiest[random.Next(busiest.Length)]
            : null;
        return new LeasePlan(target, [], steal);
    }
}
