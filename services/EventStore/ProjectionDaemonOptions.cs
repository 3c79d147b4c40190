namespace CdnPulse.EventStore;

/// <summary>How projection daemons and rebuilds pace themselves; bound from the <c>EventStore:Projections</c> section.</summary>
public sealed class ProjectionDaemonOptions
{
    public const string SectionName = "EventStore:Projections";

    /// <summary>Most events applied in one transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Longest wait for an append notification before looking anyway; also the back-off of an instance that finds the projection busy.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay after a failed batch; doubles with each further failure up to <see cref="MaxErrorBackoff"/>.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromSeconds(30);

    internal string? Validate() =>
        BatchSize <= 0 ? $"{SectionName}:BatchSize must be positive (is {BatchSize})."
        : PollInterval <= TimeSpan.Zero ? $"{SectionName}:PollInterval must be positive (is {PollInterval})."
        : ErrorBackoff <= TimeSpan.Zero || MaxErrorBackoff < ErrorBackoff
            ? $"{SectionName}:ErrorBackoff must be positive and at most MaxErrorBackoff (are {ErrorBackoff} and {MaxErrorBackoff})."
        : null;
}
