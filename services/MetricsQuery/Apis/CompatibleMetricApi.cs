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
        // Windows ending in [Start, End] hold the minutes in [End(Start) - interval, End).
        var firstMinute = r.Interval.EndOf(r.Start - TimeSpan.FromTicks(1)) - r.Interval.Length;
        var minutes = await reader.ReadAsync(r.Domain, firstMinute, r.End, country, cancellationToken);

        var windows = new SortedDictionary<DateTimeOffset, WindowStats>();
        foreach (var (minute, stats) in minutes)
        {
            var end = r.Interval.EndOf(minute);
            if (end < r.Start || end > r.End)
            {
                continue;
            }
            if (!windows.TryGetValue(end, out var total))
            {
                total = new WindowStats();
                windows[end] = total;
            }
            total.Merge(stats);
        }

        var cdnData = new JsonArray();
        foreach (var metric in r.Metrics)
        {
            var detail = new JsonArray();
            foreach (var (end, stats) in windows)
            {
                var point = new JsonObject { ["Time"] = end.UtcDateTime.ToString(CompatibleMetricRequest.TimeFormat, CultureInfo.InvariantCulture) };
                CompatibleMetrics.Fill(point, metric, stats, r.Interval.Length);
                detail.Add(point);
            }
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
}
