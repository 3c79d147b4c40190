namespace CdnPulse.Kinesis.Model;

/// <summary>
/// The outcome of a PutRecords batch. The call succeeds even when some entries fail: <see cref="Records"/> is in request
/// order, and failed entries carry an ErrorCode so the caller can send just those again.
/// </summary>
public sealed record PutRecordsResult
{
    public int FailedRecordCount { get; init; }

    public IReadOnlyList<PutRecordsResultEntry> Records { get; init; } = [];

    public string? EncryptionType { get; init; }

    /// <summary>The entries of <paramref name="sent"/> (the batch this result answers) that failed, in order, ready to retry.</summary>
    public IReadOnlyList<PutRecordsEntry> FailedEntries(IReadOnlyList<PutRecordsEntry> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.Count != Records.Count)
        {
            throw new ArgumentException($"The batch has {sent.Count} entries but the result has {Records.Count}; pass the batch this result answers.", nameof(sent));
        }
        return sent.Where((_, index) => !Records[index].Succeeded).ToArray();
    }
}
