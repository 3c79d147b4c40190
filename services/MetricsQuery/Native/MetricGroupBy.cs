namespace CdnPulse.MetricsQuery.Native;

/// <summary>The dimension a native query splits its series by (query parameter <c>groupBy</c>).</summary>
public enum MetricGroupBy
{
    None,
    Country,
    Isp,
    Status,
    EdgeType,
}
