using System.Text.Json;

namespace CdnPulse.Metrics.Tests;

public sealed class UrlSummaryTests
{
    private const int K = UrlSummary.Capacity;

    [Fact]
    public void A_summary_with_no_more_urls_than_its_capacity_is_exact()
    {
        var summary = new UrlSummary();
        for (var i = 0; i < K; i++)
        {
            summary.Add($"/u{i}", i + 1);
        }
        summary.Add("/u3", 10);
        var truncated = summary.Truncate();
        Assert.Equal(K, truncated.Count);
        Assert.Equal(new UrlTally(2, 14), truncated["/u3"]);
    }

    [Fact]
    public void Truncation_keeps_the_top_by_requests_and_the_top_by_bytes_with_ties_broken_by_path()
    {
        var summary = new UrlSummary();
        summary.Add("/big", 1_000_000);
        foreach (var url in new[] { "/c", "/a", "/b", "/a", "/b", "/c", "/d" })
        {
            summary.Add(url, 1);
        }
        var truncated = summary.Truncate(2);
        // By requests: /a, /b (2 each; /c also has 2 but sorts after); by bytes: /big, then /a.
        Assert.Equal(["/a", "/b", "/big"], truncated.Urls.Select(u => u.Key).ToArray());
        Assert.Equal(new UrlTally(1, 1_000_000), truncated["/big"]);
        Assert.Equal(["/a", "/b"], truncated.Top(2, UrlRanking.Requests).Select(u => u.Key).ToArray());
        Assert.Equal(["/big", "/a"], truncated.Top(2, UrlRanking.Bytes).Select(u => u.Key).ToArray());
    }

    [Fact]
    public void Merges_are_associative_and_independent_of_order()
    {
        var random = new Random(3);
        var parts = Enumerable.Range(0, 5).Select(_ => Summary(Zipf(random, 2_000, 5_000), K)).ToList();
        var forward = new UrlSummary();
        parts.ForEach(forward.Merge);
        var backward = new UrlSummary();
        Enumerable.Reverse(parts).ToList().ForEach(backward.Merge);
        var grouped = new UrlSummary();
        var left = Copy(parts[0]);
        left.Merge(parts[1]);
        var right = Copy(parts[2]);
        right.Merge(parts[3]);
        right.Merge(parts[4]);
        grouped.Merge(right);
        grouped.Merge(left);

        Assert.Equal(Json(forward), Json(backward));
        Assert.Equal(Json(forward), Json(grouped));
    }

    [Fact]
    public void The_error_bound_holds_on_a_zipf_stream_split_into_truncated_contributions()
    {
        var random = new Random(42);
        var requests = Zipf(random, 200_000, 20_000);
        var exact = new Dictionary<string, (long Requests, long Bytes)>();
        foreach (var (url, bytes) in requests)
        {
            var e = exact.GetValueOrDefault(url);
            exact[url] = (e.Requests + 1, e.Bytes + bytes);
        }

        // Contributions of uneven sizes, each truncated to K as Aggregation does, then summed in shuffled order.
        var contributions = new List<UrlSummary>();
        for (var offset = 0; offset < requests.Count;)
        {
            var size = random.Next(500, 20_000);
            contributions.Add(Summary(requests.Skip(offset).Take(size), K));
            offset += size;
        }
        var merged = new UrlSummary();
        foreach (var contribution in contributions.OrderBy(_ => random.Next()))
        {
            merged.Merge(contribution);
        }

        var totalRequests = requests.Count;
        var totalBytes = requests.Sum(r => r.Bytes);
        foreach (var (url, (count, bytes)) in exact)
        {
            var estimate = merged[url];
            Assert.InRange(count - estimate.Requests, 0, totalRequests / (K + 1));
            Assert.InRange(bytes - estimate.Bytes, 0, totalBytes / (K + 1));
        }
        var trueTop = exact.OrderByDescending(e => e.Value.Requests).ThenBy(e => e.Key, StringComparer.Ordinal).Take(10).Select(e => e.Key);
        Assert.Equal(trueTop, merged.Top(10, UrlRanking.Requests).Select(u => u.Key));
        var trueTopBytes = exact.OrderByDescending(e => e.Value.Bytes).ThenBy(e => e.Key, StringComparer.Ordinal).Take(10).Select(e => e.Key);
        Assert.Equal(trueTopBytes, merged.Top(10, UrlRanking.Bytes).Select(u => u.Key));
        Assert.True(contributions.Count > 10, "the stream should be split into many contributions");
    }

    [Fact]
    public void Long_paths_are_cut_without_splitting_a_surrogate_pair()
    {
        var summary = new UrlSummary();
        summary.Add(new string('a', UrlSummary.MaxUrlLength + 10), 1);
        var emoji = new string('b', UrlSummary.MaxUrlLength - 1) + "😀";
        summary.Add(emoji, 1);
        Assert.All(summary.Urls, u => Assert.True(u.Key.Length <= UrlSummary.MaxUrlLength));
        Assert.Contains(summary.Urls, u => u.Key == new string('b', UrlSummary.MaxUrlLength - 1));
    }

    [Fact]
    public void Json_maps_each_path_to_requests_and_bytes_in_path_order()
    {
        var summary = new UrlSummary();
        summary.Add("/z", 5);
        summary.Add("/a", 7);
        summary.Add("/a", 1);
        Assert.Equal("""{"/a":[2,8],"/z":[1,5]}""", Json(summary));
        Assert.Equal(Json(summary), Json(JsonSerializer.Deserialize<UrlSummary>(Json(summary), MetricsJson.Options)!));
    }

    /// <summary>Requests over <paramref name="urls"/> paths with Zipf(1.1) popularity and sizes that vary per path.</summary>
    internal static List<(string Url, long Bytes)> Zipf(Random random, int count, int urls)
    {
        var weights = Enumerable.Range(1, urls).Select(rank => 1 / Math.Pow(rank, 1.1)).ToArray();
        var cumulative = new double[urls];
        var sum = 0.0;
        for (var i = 0; i < urls; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }
        var requests = new List<(string, long)>(count);
        for (var i = 0; i < count; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            var rank = index < 0 ? ~index : index;
            requests.Add(($"/assets/{rank}.js", 500 + ((rank * 7919L) % 100_000) + random.Next(0, 100)));
        }
        return requests;
    }

    private static UrlSummary Summary(IEnumerable<(string Url, long Bytes)> requests, int capacity)
    {
        var summary = new UrlSummary();
        foreach (var (url, bytes) in requests)
        {
            summary.Add(url, bytes);
        }
        return summary.Truncate(capacity);
    }

    private static UrlSummary Copy(UrlSummary summary)
    {
        var copy = new UrlSummary();
        copy.Merge(summary);
        return copy;
    }

    private static string Json(UrlSummary summary) => JsonSerializer.Serialize(summary, MetricsJson.Options);
}
