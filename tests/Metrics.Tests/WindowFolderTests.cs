using System.Text.Json;

namespace CdnPulse.Metrics.Tests;

public sealed class WindowFolderTests
{
    [Fact]
    public void Requests_fold_into_minute_windows_per_domain_and_country()
    {
        var folder = new WindowFolder();
        folder.Add(Requests.Make(at: Requests.Minute.AddSeconds(59.999)));
        folder.Add(Requests.Make(at: Requests.Minute.AddSeconds(60)));
        folder.Add(Requests.Make(at: Requests.Minute, country: "DE"));
        folder.Add(Requests.Make(at: Requests.Minute, host: "b.example.com"));
        var contributions = folder.Contributions(["batch-1"]).ToList();

        Assert.Equal(3, contributions.Count);
        Assert.Equal(("b.example.com", Requests.Minute), (contributions[0].Domain, contributions[0].WindowStart));
        Assert.Equal(("example.com", Requests.Minute), (contributions[1].Domain, contributions[1].WindowStart));
        Assert.Equal(1, contributions[1].Countries["US"].Requests);
        Assert.Equal(1, contributions[1].Countries["DE"].Requests);
        Assert.Equal(Requests.Minute.AddMinutes(1), contributions[2].WindowStart);
        Assert.Equal(4, folder.Folded);
    }

    [Fact]
    public void Lines_older_than_the_retention_are_tallied_as_dropped_not_folded()
    {
        var folder = new WindowFolder(oldestWindow: Requests.Minute);
        Assert.True(folder.Add(Requests.Make(at: Requests.Minute)));
        Assert.False(folder.Add(Requests.Make(at: Requests.Minute.AddMilliseconds(-1))));
        Assert.False(folder.Add(Requests.Make(at: Requests.Minute.AddDays(-3))));
        var dropped = folder.Dropped["example.com"];
        Assert.Equal(2, dropped.Lines);
        Assert.Equal(Requests.Minute.AddDays(-3).ToUnixTimeMilliseconds(), dropped.OldestMinuteMs);
        Assert.Equal(Requests.Minute.AddMinutes(-1).ToUnixTimeMilliseconds(), dropped.NewestMinuteMs);
        Assert.Equal(1, folder.Folded);
        Assert.Equal(1, folder.Contributions([]).Single().Countries["US"].Requests);
    }

    [Fact]
    public void Contributions_carry_at_most_the_heavy_hitters_of_each_ranking()
    {
        var folder = new WindowFolder();
        for (var i = 0; i < 3 * UrlSummary.Capacity; i++)
        {
            folder.Add(Requests.Make(url: $"/u{i:000}", bytes: i));
        }
        var urls = folder.Contributions([]).Single().Countries["US"].Urls;
        // The top 100 by requests (all 1: the first 100 paths) and by bytes (the last 100) are disjoint.
        Assert.Equal(2 * UrlSummary.Capacity, urls.Count);
        Assert.Equal(new UrlTally(1, 299), urls["/u299"]);
    }

    [Fact]
    public void A_contribution_survives_json_unchanged_and_merges_into_the_same_totals()
    {
        var folder = new WindowFolder();
        var random = new Random(5);
        foreach (var i in Enumerable.Range(0, 500))
        {
            folder.Add(Requests.Make(status: i % 11 == 0 ? 502 : 200, bytes: random.Next(100, 90_000), timeTakenMs: random.Next(0, 4000) / 3.0,
                result: i % 3 == 0 ? "Miss" : "Hit", detailed: i % 3 == 0 ? "Miss" : "Hit", url: $"/p{i % 17}", country: i % 4 == 0 ? "DE" : "US",
                isp: i % 5 == 0 ? "B" : "A", firstByteMs: i % 2 == 0 ? random.Next(1, 300) : null));
        }
        var contribution = folder.Contributions(["b1", "b2"]).Single();
        var json = JsonSerializer.Serialize(contribution, MetricsJson.Options);
        var back = JsonSerializer.Deserialize<WindowContributed>(json, MetricsJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, MetricsJson.Options));

        var total = new WindowStats();
        total.Merge(back.Countries["US"]);
        total.Merge(back.Countries["DE"]);
        Assert.Equal(500, total.Requests);
        Assert.Equal(500, total.TimeTakenHistogram.Count);
        Assert.Equal(250, total.FirstByteHistogram.Count);
        Assert.Equal(500, total.Urls.Urls.Sum(u => u.Value.Requests));
        Assert.Equal(500, total.DownloadSpeed.Values.Sum(c => c.Total));
        Assert.Equal(total.OriginRequests, total.DownloadSpeedOrigin.Values.Sum(c => c.Total));
    }
}
