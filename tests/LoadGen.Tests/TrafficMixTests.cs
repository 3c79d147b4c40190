using CdnPulse.CdnLogs;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Tests;

/// <summary>Sanity of the generated mix over 60 000 requests: shares, tails and every kind of result present.</summary>
[Collection(IpDataCollection.Name)]
public sealed class TrafficMixTests(IpDataFixture data)
{
    private readonly IReadOnlyList<GeneratedLine> _lines = data.Mix;

    [Fact]
    public void Domains_get_requests_in_proportion_to_their_weights()
    {
        var total = DomainSettings.Defaults.Sum(d => d.Weight);
        foreach (var domain in DomainSettings.Defaults)
        {
            var share = _lines.Count(l => l.Request.Host == domain.Name) / (double)_lines.Count;
            Assert.InRange(share, (domain.Weight / total) - 0.01, (domain.Weight / total) + 0.01);
        }
    }

    [Fact]
    public void Popular_urls_take_most_requests_and_the_tail_is_long()
    {
        var byUrl = _lines.Where(l => l.Request.Host == "www.example.com").GroupBy(l => l.Request.UriStem)
            .Select(g => g.Count()).OrderDescending().ToList();
        var requests = byUrl.Sum();

        Assert.InRange(byUrl.Take(100).Sum() / (double)requests, 0.45, 0.65);
        Assert.True(byUrl.Count > 3_000, $"only {byUrl.Count} distinct URLs");
        Assert.InRange(byUrl[0] / (double)byUrl[1], 1.5, 2.7);
    }

    [Fact]
    public void Cache_results_cover_hits_misses_shield_hits_refusals_and_origin_errors()
    {
        var detailed = _lines.GroupBy(l => l.Request.EdgeDetailedResultType!).ToDictionary(g => g.Key, g => g.Count());
        var hitShare = _lines.Count(l => RequestClassification.IsHit(l.Request.EdgeResponseResultType)) / (double)_lines.Count;

        Assert.InRange(hitShare, 0.7, 0.92);
        Assert.All(["Hit", "RefreshHit", "Miss", "OriginShieldHit", "LimitExceeded", "CapacityExceeded", "Redirect", "Error",
            "OriginConnectError", "OriginReadError", "ClientCommError"], type => Assert.True(detailed.ContainsKey(type), type));
        Assert.All(_lines.Where(l => l.Request.EdgeDetailedResultType == "OriginShieldHit"), l => Assert.Equal("Miss", l.Request.EdgeResponseResultType));
        Assert.All(_lines.Where(l => l.Request.EdgeDetailedResultType!.StartsWith("Origin", StringComparison.Ordinal) && l.Request.EdgeDetailedResultType != "OriginShieldHit"),
            l => Assert.Equal("Error", l.Request.EdgeResponseResultType));
    }

    [Fact]
    public void Status_codes_follow_the_result()
    {
        var statuses = _lines.GroupBy(l => l.Request.Status).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(statuses[200] / (double)_lines.Count, 0.75, 0.95);
        Assert.All(new[] { 0, 206, 301, 304, 403, 404, 502, 503, 504 }, status => Assert.True(statuses.ContainsKey(status), status.ToString()));
        Assert.All(_lines.Where(l => l.Request.EdgeResponseResultType == "LimitExceeded"), l => Assert.Equal(503, l.Request.Status));
        Assert.All(_lines.Where(l => l.Request.Status == 0), l => Assert.Null(l.Request.TimeToFirstByteMs));
    }

    [Fact]
    public void Sizes_and_durations_have_heavy_tails()
    {
        var bytes = _lines.Where(l => l.Request.Status == 200).Select(l => l.Request.BytesSent).Order().ToList();
        var times = _lines.Select(l => l.Request.TimeTakenMs).Order().ToList();

        Assert.True(bytes[^1] > 1_000 * bytes[bytes.Count / 2], $"largest {bytes[^1]}, median {bytes[bytes.Count / 2]}");
        Assert.True(times[(int)(times.Count * 0.999)] > 20 * times[times.Count / 2], $"p99.9 {times[(int)(times.Count * 0.999)]}, median {times[times.Count / 2]}");
        Assert.All(_lines, l => Assert.True(l.Request.TimeToFirstByteMs is null || l.Request.TimeToFirstByteMs <= l.Request.TimeTakenMs));
        Assert.All(new[] { LatencyBand.Under300, LatencyBand.From300To600, LatencyBand.From600To1000, LatencyBand.AtLeast1000 },
            band => Assert.Contains(_lines, l => RequestClassification.LatencyBand(l.Request.TimeTakenMs) == band));
    }

    [Fact]
    public void Viewers_come_from_every_configured_country_with_about_a_tenth_on_IPv6()
    {
        var countries = _lines.Select(l => l.Client.Country).ToHashSet();
        var ipv6Share = _lines.Count(l => l.Client.IsIPv6) / (double)_lines.Count;
        var usShare = _lines.Count(l => l.Client.Country == "US") / (double)_lines.Count;
        var usWeight = Clients.CountryWeight.Defaults.Single(c => c.Country == "US").Weight / Clients.CountryWeight.Defaults.Sum(c => c.Weight);

        Assert.Equal(Clients.CountryWeight.Defaults.Select(c => c.Country).Order(), countries.Order());
        Assert.InRange(ipv6Share, 0.08, 0.12);
        Assert.InRange(usShare, usWeight - 0.01, usWeight + 0.01);
        Assert.True(_lines.Select(l => l.Client.Isp).Distinct().Count() > 1_000);
    }
}
