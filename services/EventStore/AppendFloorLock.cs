namespace CdnPulse.EventStore;

/// <summary>
/// How a reader learns which positions may still be filled by a transaction that has not ended.
/// <para>
/// Before an append draws positions it reads the sequence's last value <c>f</c> (the "floor") and takes a shared,
/// transaction-level advisory lock keyed by <c>f</c>; every position it then draws is greater than <c>f</c>. The lock is
/// visible to every session in <c>pg_locks</c> until the transaction commits or rolls back, and PostgreSQL releases
/// locks only after a commit has become visible to new snapshots.
/// </para>
/// <para>
/// A reader first reads the sequence's last value <c>L</c>, then the lowest floor <c>F</c> still held. Every position
/// at or below <c>L</c> was drawn before the read, so its transaction took its lock before that: if it is still running,
/// its floor is in <c>F</c> and its positions are above <c>F</c>; if not, it has committed (visible to the reader's next
/// statement) or rolled back (a hole forever). So no position at or below <c>min(L, F)</c> can appear later.
/// </para>
/// <para>
/// One lock per transaction is enough: the first floor is the lowest, so later appends in the same transaction skip
/// the lock (a transaction-local setting remembers it and is undone with a rolled-back savepoint, as the lock is).
/// </para>
/// </summary>
internal static class AppendFloorLock
{
    /// <summary>"CP" in the top 16 bits of the bigint key marks our locks among other advisory locks in the database.</summary>
    public const int Tag = 0x4350;

    private const int TagShift = 48;
    private const long PositionMask = (1L << TagShift) - 1;
    private const long TagBits = (long)Tag << TagShift;

    public static readonly string TakeSql = $"""
        select pg_advisory_xact_lock_shared({TagBits} | coalesce(pg_sequence_last_value('{EventStoreSchema.PositionSequence}'), 0)),
               set_config('eventstore.append_floor_held', 'on', true)
        where current_setting('eventstore.append_floor_held', true) is distinct from 'on'
        """;

    /// <summary>Step 1 of the high-water mark: the last position drawn by anyone (sequences are not transactional).</summary>
    public static readonly string LastDrawnSql =
        $"select coalesce(pg_sequence_last_value('{EventStoreSchema.PositionSequence}'), 0)";

    /// <summary>Step 2, strictly after step 1: the lowest floor of an append transaction that has not ended (null: none).</summary>
    public static readonly string LowestFloorSql = $"""
        select min(((l.classid::bigint << 32) | l.objid::bigint) & {PositionMask})
        from pg_locks l
        where l.locktype = 'advisory' and l.objsubid = 1
          and l.database = (select oid from pg_database where datname = current_database())
          and ((l.classid::bigint << 32) | l.objid::bigint) >> {TagShift} = {Tag}
        """;
}
