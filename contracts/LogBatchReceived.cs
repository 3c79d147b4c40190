namespace CdnPulse.Contracts;

/// <summary>A batch of parsed log lines accepted by Ingest.</summary>
/// <param name="BatchId">Deterministic id of the source batch (for example kinesis:stream:shard:first-last), used to drop duplicates downstream.</param>
/// <param name="Source">Where the batch came from: kinesis, firehose, …</param>
/// <param name="ReceivedAt">When Ingest accepted the source batch.</param>
/// <param name="Requests">Lines that parsed.</param>
/// <param name="RejectedLines">Lines of the same source batch that did not parse (counted and reported by Ingest).</param>
public sealed record LogBatchReceived(
    string BatchId,
    string Source,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<CdnRequest> Requests,
    int RejectedLines);
