using CdnPulse.MetricsQuery.Native;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>What the native metric endpoints need, bound with [AsParameters].</summary>
internal sealed record NativeMetricsServices(MetricQueryService Queries, ReadModelQueries ReadModel, TimeProvider Clock);
