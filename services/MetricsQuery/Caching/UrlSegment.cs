using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// The URL summaries of a run of minutes inside one cache block, added up: every URL with its exact summed requests
/// and bytes, plus both rankings (largest first, ties by path in UTF-8 byte order) for <see cref="TopUrlMerger"/>.
/// </summary>
internal sealed class UrlSegment
{
    public UrlSegment(long version, UrlSummary summary)
    {
        Version = version;
        Summary = summary;
        ByRequests = Ranked(summary, UrlRanking.Requests);
        ByBytes = Ranked(summary, UrlRanking.Bytes);
    }

    /// <summary>The block's version when the minutes were read (see <see cref="MinuteCache"/>).</summary>
    public long Version { get; }

    public UrlSummary Summary { get; }

    public TopUrl[] ByRequests { get; }

    public TopUrl[] ByBytes { get; }

    /// <summary>A rough size in bytes, for the cache's memory bound: the dictionary entry, two ranking entries and the path.</summary>
    public long EstimatedBytes => 256 + (Summary.Count * 120L) + Summary.Urls.Sum(u => 2L * u.Key.Length);

    public TopUrl[] Ranking(UrlRanking ranking) => ranking == UrlRanking.Requests ? ByRequests : ByBytes;

    public long Value(string url, UrlRanking ranking)
    {
        var tally = Summary[url];
        return ranking == UrlRanking.Requests ? tally.Requests : tally.Bytes;
    }

    private static TopUrl[] Ranked(UrlSummary summary, UrlRanking ranking)
    {
        var list = new List<TopUrl>(summary.Count);
        foreach (var (url, tally) in summary.Urls)
        {
            var value = ranking == UrlRanking.Requests ? tally.Requests : tally.Bytes;
            if (value > 0)
            {
                list.Add(new TopUrl(url, value));
            }
        }
        list.Sort(TopUrlOrder.Instance);
        return [.. list];
    }
}
