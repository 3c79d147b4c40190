using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard.Apis;

internal sealed record WaterfallRow(StoredSpan Span, double OffsetMs, int Depth);
