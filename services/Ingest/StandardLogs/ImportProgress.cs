namespace CdnPulse.Ingest.StandardLogs;

/// <summary>Where an import is: the current file (1-based of <see cref="FileCount"/>), its size and how much of it is read, and the totals so far.</summary>
public readonly record struct ImportProgress(
    string File, int FileIndex, int FileCount, long FileBytesRead, long FileBytes, long Lines, long Accepted, long Rejected);
