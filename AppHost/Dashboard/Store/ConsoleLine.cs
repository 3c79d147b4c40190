namespace CdnPulse.Dashboard.Store;

/// <summary>One line a resource wrote to stdout or stderr.</summary>
public sealed record ConsoleLine(long Sequence, DateTimeOffset Time, string Resource, string Text, bool IsError);
