namespace CdnPulse.EventStore;

/// <summary>How projection daemons and rebuilds pace themselves; bound from the <c>EventStore:Projections</c> section.</summary>
public sealed class ProjectionDaemonOptions
{
    public const string SectionName = "EventStore:Projections";

    /// <summary>The default of <see cref="MaxBatchBytes"/>: 4 MiB of stored (compressed) event data.</summary>
    public const long DefaultMaxBatchBytes = 4L << 20;

    /// <summary>Most events applied in one transaction; the daemon starts here and adapts below it (<see cref="BatchTimeBudget"/>).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Most event data applied in one transaction, in stored bytes (<c>pg_column_size</c>, compressed as on disk; JSON
    /// compresses ~3–6×). One event always goes, however large. Bounds a batch by its work, not only its count.
    /// </summary>
    public long MaxBatchBytes { get; set; } = DefaultMaxBatchBytes;

    /// <summary>
    /// A batch that takes longer than this halves the next batch's event limit; batches well under it (a quarter)
    /// double it again, up to <see cref="BatchSize"/>. A failed batch halves it too, so a backlog of heavy events
    /// always progresses, down to one event per transaction.
    /// </summary>
    public TimeSpan BatchTimeBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A batch still running after this is cancelled (and rolled back) and counts as failed. Longer than <see cref="BatchTimeBudget"/>.</summary>
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for an append notification before looking anyway; also the back-off of an instance that finds the projection busy.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay after a failed batch; doubles with each further failure up to <see cref="MaxErrorBackoff"/>.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromSeconds(30);

    internal string? Validate() =>
        BatchSize <= 0 ? $"{SectionName}:BatchSize must be positive (is {BatchSize})."
        : MaxBatchBytes <= 0 ? $"{SectionName}:MaxBatchBytes must be positive (is {MaxBatchBytes})."
        : BatchTimeBudget <= TimeSpan.Zero || BatchTimeout < BatchTimeBudget
            ? $"{SectionName}:BatchTimeBudget must be positive and at most BatchTimeout (are {BatchTimeBudget} and {BatchTimeout})."
        : PollInterval <= TimeSpan.Zero ? $"{SectionName}:PollInterval must be positive (is {PollInterval})."
        : ErrorBackoff <= TimeSpan.Zero || MaxErrorBackoff < ErrorBackoff
            ? $"{SectionName}:ErrorBackoff must be positive and at most MaxErrorBackoff (are {ErrorBackoff} and {MaxErrorBackoff})."
        : null;
}
