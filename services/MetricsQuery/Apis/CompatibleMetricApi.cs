using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Queries;
using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// <c>GET /metric</c> and <c>GET /prod/metric</c>: the reference solution's API and response shape, with proper
/// 400s instead of its 502s. <c>Time</c> is the window end; a window is counted when its end lies in [StartTime, EndTime].
/// Top URLs cover the same minutes as the windows of the response.
/// </summary>
public static class CompatibleMetricApi
{
    public static IEndpointRouteBuilder MapCompatibleMetricApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/", "/prod" })
        {
            app.MapGroup(prefix)
                .AddEndpointFilter<ApiKeyFilter>()
                .MapGet("/metric", GetMetricAsync)
                .WithName(prefix == "/" ? "GetMetric" : "GetMetricProd");
        }
        return app;
    }

    internal static async Task<Results<ContentHttpResult, BadRequest<ApiError>>> GetMetricAsync(
        HttpContext http, MinuteStatsReader reader, CancellationToken cancellationToken)
    {
        if (!CompatibleMetricRequest.TryParse(http.Request.Query, out var request, out var error))
        {
            return TypedResults.BadRequest(error);
        }
        var r = request!;
        var country = r.Country == "all" ? null : r.Country;
        var range = MetricRange.Of(r.Start, r.End, r.Interval);
        var metrics = r.Metrics;

        var windows = new SortedDictionary<DateTimeOffset, WindowStats>();
        var speeds = new SortedDictionary<DateTimeOffset, DownloadSpeedWindow>();
        var topUrls = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        if (!range.IsEmpty)
        {
            var minutes = await reader.ReadAsync(r.Domain, range.FirstMinute, range.EndMinute, country,
                metrics.Any(CompatibleMetrics.NeedsHistograms), cancellationToken);
            foreach (var (minute, stats) in minutes)
            {
                Window(windows, r.Interval.EndOf(minute)).Merge(stats);
            }
            if (metrics.Any(CompatibleMetrics.IsDownloadSpeed))
            {
                foreach (var (minute, speed) in await reader.ReadDownloadSpeedAsync(r.Domain, range.FirstMinute, range.EndMinute, country, cancellationToken))
                {
                    Window(speeds, r.Interval.EndOf(minute)).Merge(speed);
                }
            }
            foreach (var metric in metrics.Where(CompatibleMetrics.IsTopUrls))
            {
                var ranking = metric == CompatibleMetrics.TopUrlRequests ? UrlRanking.Requests : UrlRanking.Bytes;
                var top = await reader.ReadTopUrlsAsync(r.Domain, range.FirstMinute, range.EndMinute, country, ranking, TopUrlJson.Count, cancellationToken);
                topUrls[metric] = TopUrlJson.DetailData(top, ranking);
            }
        }

        var cdnData = new JsonArray();
        foreach (var metric in metrics)
        {
            var detail = CompatibleMetrics.IsTopUrls(metric) ? topUrls.GetValueOrDefault(metric) ?? []
                : CompatibleMetrics.IsDownloadSpeed(metric) ? SpeedPoints(speeds, metric, r.Domain)
                : Points(windows, metric, r.Interval.Length);
            cdnData.Add(new JsonObject { ["Metric"] = metric, ["DetailData"] = detail });
        }
        var body = new JsonObject
        {
            ["Response"] = new JsonObject
            {
                ["Data"] = new JsonArray(new JsonObject { ["CdnData"] = cdnData }),
                ["RequestId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
                ["Interval"] = r.Interval.Label,
                ["Country"] = r.Country,
            },
        };
        return TypedResults.Content(body.ToJsonString(), "application/json");
    }

    private static JsonArray Points(SortedDictionary<DateTimeOffset, WindowStats> windows, string metric, TimeSpan interval)
    {
        var detail = new JsonArray();
        foreach (var (end, stats) in windows)
        {
            var point = new JsonObject { ["Time"] = Time(end) };
            CompatibleMetrics.Fill(point, metric, stats, interval);
            detail.Add(point);
        }
        return detail;
    }

    /// <summary>One point per window in which the variant (CDN or origin rows) counted a request.</summary>
    private static JsonArray SpeedPoints(SortedDictionary<DateTimeOffset, DownloadSpeedWindow> windows, string metric, string domain)
    {
        var detail = new JsonArray();
        foreach (var (end, window) in windows)
        {
            var speeds = metric == CompatibleMetrics.DownloadSpeed ? window.Cdn : window.Origin;
            if (!speeds.IsEmpty)
            {
                detail.Add(new JsonObject { ["Time"] = Time(end), ["Value"] = DownloadSpeedJson.Value(speeds, end, domain) });
            }
        }
        return detail;
    }

    private static string Time(DateTimeOffset end) => end.UtcDateTime.ToString(CompatibleMetricRequest.TimeFormat, CultureInfo.InvariantCulture);

    private static T Window<T>(SortedDictionary<DateTimeOffset, T> windows, DateTimeOffset end) where T : new()
    {
        if (!windows.TryGetValue(end, out var window))
        {
            window = new T();
            windows[end] = window;
        }
        return window;
    }
}
