using System.Net;
using System.Text.Json.Nodes;

namespace CdnPulse.Aggregation.Tests;

/// <summary>GET /metric of MetricsQuery with the API key; answers as JSON nodes.</summary>
public sealed class MetricApi(HttpClient http, string baseUrl, string apiKey)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The CdnData array: one { Metric, DetailData } per metric.</summary>
    public async Task<JsonArray> GetAsync(string metric, string domain, DateTimeOffset start, DateTimeOffset end, string interval,
        string? country, CancellationToken cancellationToken)
    {
        var url = $"{baseUrl}/metric?StartTime={Uri.EscapeDataString(start.UtcDateTime.ToString(TimeFormat))}"
                  + $"&EndTime={Uri.EscapeDataString(end.UtcDateTime.ToString(TimeFormat))}&Metric={metric}&Domain={domain}&Interval={interval}"
                  + (country is null ? "" : $"&Country={country}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("x-api-key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        var root = JsonNode.Parse(body)!["Response"]!;
        Assert.Equal(interval, root["Interval"]!.GetValue<string>());
        Assert.Equal(country ?? "all", root["Country"]!.GetValue<string>());
        return root["Data"]![0]!["CdnData"]!.AsArray();
    }

    /// <summary>The DetailData of one metric.</summary>
    public async Task<JsonArray> DetailAsync(string metric, string domain, DateTimeOffset start, DateTimeOffset end, string interval,
        string? country, CancellationToken cancellationToken)
    {
        var data = await GetAsync(metric, domain, start, end, interval, country, cancellationToken);
        Assert.Equal(metric, data.Single()!["Metric"]!.GetValue<string>());
        return data.Single()!["DetailData"]!.AsArray();
    }

    /// <summary>Σ request over the range (1 h windows).</summary>
    public async Task<long> RequestsAsync(string domain, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        (await DetailAsync("request", domain, start, end, "1h", null, cancellationToken)).Sum(p => long.Parse(p!["Value"]!.GetValue<string>()));
}
