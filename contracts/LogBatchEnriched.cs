namespace CdnPulse.Contracts;

/// <summary>A batch whose requests carry country and ISP.</summary>
public sealed record LogBatchEnriched(
    string BatchId,
    string Source,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<CdnRequest> Requests);
