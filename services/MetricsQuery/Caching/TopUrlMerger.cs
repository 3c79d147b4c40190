using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// The exact top N URLs of the sum of several <see cref="UrlSegment"/>s without adding them all up: Fagin's threshold
/// algorithm. It walks every segment's ranking one rank at a time; each URL met is totalled exactly by looking it up in
/// every segment. A URL not met yet has at most, in each segment, the value at the current rank, so the sum of those
/// values bounds it; once the N-th total beats that bound strictly (a tie could still win on its path), the answer is
/// final. With skewed traffic (a few URLs carry most requests) it stops after a few ranks.
/// </summary>
internal static class TopUrlMerger
{
    public static IReadOnlyList<TopUrl> Top(IReadOnlyList<UrlSegment> segments, UrlRanking ranking, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rankings = segments.Select(s => s.Ranking(ranking)).Where(r => r.Length > 0).ToArray();
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var best = new List<TopUrl>(count + 1);
        for (var rank = 0; ; rank++)
        {
            long bound = 0;
            var more = false;
            foreach (var list in rankings)
            {
                if (rank >= list.Length)
                {
                    continue;
                }
                more = true;
                var (url, value) = list[rank];
                bound += value;
                if (!totals.ContainsKey(url))
                {
                    var total = segments.Sum(s => s.Value(url, ranking));
                    totals[url] = total;
                    Offer(best, new TopUrl(url, total), count);
                }
            }
            if (!more || (best.Count == count && best[^1].Value > bound))
            {
                return best;
            }
        }
    }

    /// <summary>Keeps <paramref name="best"/> sorted and at most <paramref name="count"/> long.</summary>
    private static void Offer(List<TopUrl> best, TopUrl candidate, int count)
    {
        if (best.Count == count && TopUrlOrder.Instance.Compare(candidate, best[^1]) >= 0)
        {
            return;
        }
        var index = best.BinarySearch(candidate, TopUrlOrder.Instance);
        best.Insert(index < 0 ? ~index : index, candidate);
        if (best.Count > count)
        {
            best.RemoveAt(best.Count - 1);
        }
    }
}
