namespace CdnPulse.MetricsQuery.Native;

/// <summary>The query-string names of <see cref="MetricGroupBy"/>: country, isp, status, edgeType.</summary>
internal static class MetricGroupByNames
{
    private static readonly (MetricGroupBy Value, string Name)[] Names =
        [(MetricGroupBy.Country, "country"), (MetricGroupBy.Isp, "isp"), (MetricGroupBy.Status, "status"), (MetricGroupBy.EdgeType, "edgeType")];

    public static string Of(MetricGroupBy groupBy) => Names.First(n => n.Value == groupBy).Name;

    public static bool TryParse(string text, out MetricGroupBy groupBy)
    {
        foreach (var (value, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                groupBy = value;
                return true;
            }
        }
        groupBy = MetricGroupBy.None;
        return false;
    }
}
