using System.Text;
using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Caching;

namespace CdnPulse.MetricsQuery.Tests.Unit;

/// <summary>The threshold merge of cached URL segments gives exactly the list of adding every segment up.</summary>
public sealed class TopUrlMergerTests
{
    [Theory]
    [InlineData(1, 96, 1.2)]
    [InlineData(2, 96, 0.0)]
    [InlineData(3, 5, 2.0)]
    [InlineData(4, 1, 1.0)]
    public void Top_urls_of_many_segments_equal_the_top_of_their_sum(int seed, int segmentCount, double skew)
    {
        var random = new Random(seed);
        var segments = new List<UrlSegment>();
        var sum = new UrlSummary();
        for (var s = 0; s < segmentCount; s++)
        {
            var summary = new UrlSummary();
            for (var u = 0; u < random.Next(0, 300); u++)
            {
                // Zipf-like ranks (skew 0: uniform, many ties); bytes sometimes 0, so a URL can rank by requests only.
                var rank = (int)Math.Pow(random.Next(1, 2000), 1 + skew) % 5000;
                var tally = new UrlTally(random.Next(0, 4), random.Next(0, 3) * 1000L);
                summary.Add($"/u/{rank}", tally);
            }
            sum.Merge(summary);
            segments.Add(new UrlSegment(0, summary));
        }

        foreach (var ranking in new[] { UrlRanking.Requests, UrlRanking.Bytes })
        {
            foreach (var count in new[] { 1, 10, 100 })
            {
                var expected = sum.Urls
                    .Select(kv => new TopUrl(kv.Key, ranking == UrlRanking.Requests ? kv.Value.Requests : kv.Value.Bytes))
                    .Where(u => u.Value > 0)
                    .OrderByDescending(u => u.Value).ThenBy(u => Encoding.UTF8.GetBytes(u.Path), ByteOrder.Instance)
                    .Take(count);
                Assert.Equal(expected, TopUrlMerger.Top(segments, ranking, count));
            }
        }
    }

    [Fact]
    public void No_segment_or_only_empty_ones_give_no_urls()
    {
        Assert.Empty(TopUrlMerger.Top([], UrlRanking.Requests, 10));
        Assert.Empty(TopUrlMerger.Top([new UrlSegment(0, new UrlSummary())], UrlRanking.Bytes, 10));
    }

    [Theory]
    [InlineData("/a", "/b")]
    [InlineData("/a", "/aa")]
    [InlineData("/Z", "/a")]
    [InlineData("/\uE000", "/\U0001F600")]
    [InlineData("/\u00E9", "/\uFFFD")]
    public void Paths_compare_in_utf8_byte_order(string smaller, string larger)
    {
        Assert.True(ByteOrder.Instance.Compare(Encoding.UTF8.GetBytes(smaller), Encoding.UTF8.GetBytes(larger)) < 0);
        Assert.True(Utf8Order.Instance.Compare(smaller, larger) < 0);
        Assert.True(Utf8Order.Instance.Compare(larger, smaller) > 0);
        Assert.Equal(0, Utf8Order.Instance.Compare(smaller, smaller));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
