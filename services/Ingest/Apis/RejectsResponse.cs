using CdnPulse.Ingest.Publishing;

namespace CdnPulse.Ingest.Apis;

public sealed record RejectsResponse(IReadOnlyDictionary<string, long> Counts, IReadOnlyList<RejectedLine> Samples);
