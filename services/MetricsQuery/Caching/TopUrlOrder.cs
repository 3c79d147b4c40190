using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>Top-URL order: largest value first, ties by path in UTF-8 byte order (as the SQL ranking's <c>collate "C"</c>).</summary>
internal sealed class TopUrlOrder : IComparer<TopUrl>
{
    public static readonly TopUrlOrder Instance = new();

    public int Compare(TopUrl x, TopUrl y)
    {
        var c = y.Value.CompareTo(x.Value);
        return c != 0 ? c : Utf8Order.Instance.Compare(x.Path, y.Path);
    }
}
