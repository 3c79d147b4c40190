using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Metrics;
using CdnPulse.MetricsQuery.Caching;
using CdnPulse.MetricsQuery.Queries;
using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// <c>GET /metric</c> and <c>GET /prod/metric</c>: the reference solution's API and response shape, with proper
/// 400s instead of its 502s. <c>Time</c> is the window end; a window is counted when its end lies in [StartTime, EndTime].
/// Top URLs cover the same minutes as the windows of the response. Statistics and top URLs come through the
/// <see cref="MinuteCache"/>; download speed (named only, never in <c>Metric=all</c>) from PostgreSQL.
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

    internal static async Task<Results<JsonBytesResult, BadRequest<ApiError>>> GetMetricAsync(
        HttpContext http, MinuteCache cache, MinuteStatsReader reader, CancellationToken cancellationToken)
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
        IReadOnlyList<CachedWindow>? cachedWindows = null;
        var speeds = new SortedDictionary<DateTimeOffset, DownloadSpeedWindow>();
        var topUrls = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        if (!range.IsEmpty)
        {
            // Through the minute cache, as the native API: the same minutes, dropped as soon as a live update changes them.
            var histograms = metrics.Any(CompatibleMetrics.NeedsHistograms);
            if (metrics.Any(CompatibleMetrics.IsPerWindow) && MinuteCache.Divides(r.Interval.Length, range.FirstMinute, range.EndMinute))
            {
                // 1- and 5-minute windows lie inside one cache block: merged once per block, points rendered once per block.
                cachedWindows = await cache.ReadWindowsAsync(r.Domain, range.FirstMinute, range.EndMinute, country, histograms, r.Interval.Length, cancellationToken);
            }
            else if (metrics.Any(CompatibleMetrics.IsPerWindow))
            {
                var minutes = await cache.ReadAsync(r.Domain, range.FirstMinute, range.EndMinute, country, histograms, cancellationToken);
                foreach (var (minute, stats) in minutes)
                {
                    Window(windows, r.Interval.EndOf(minute)).Merge(stats, histograms);
                }
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
                var top = await cache.TopUrlsAsync(r.Domain, range.FirstMinute, range.EndMinute, country, ranking, TopUrlJson.Count, cancellationToken);
                topUrls[metric] = TopUrlJson.DetailData(top, ranking);
            }
        }

        // Written straight to UTF-8 in pooled memory: Metric=all over a day is ~1 MiB of points, and building nodes
        // and strings first cost more than the numbers.
        var buffer = new PooledBufferWriter(64 * 1024);
        try
        {
            await using var w = new Utf8JsonWriter(buffer);
            w.WriteStartObject();
            w.WriteStartObject("Response");
            w.WriteStartArray("Data");
            w.WriteStartObject();
            w.WriteStartArray("CdnData");
            var written = new Dictionary<string, (int From, int Length)>(StringComparer.Ordinal);
            (byte[] Start, WindowStats Stats)[]? points = null;
            using var scratch = new PooledBufferWriter(64 * 1024);
            var pointWriter = new CompatiblePointWriter(scratch, r.Interval.Length);
            foreach (var metric in metrics)
            {
                w.WriteStartObject();
                w.WriteString("Metric", metric);
                w.WritePropertyName("DetailData");
                await w.FlushAsync(cancellationToken);
                var from = buffer.WrittenCount;
                if (written.TryGetValue(CompatibleMetrics.SameAs(metric), out var twin))
                {
                    // statusCodeLatency answers exactly what statusCode did: copy its bytes (out of the buffer first, which may grow).
                    var copy = ArrayPool<byte>.Shared.Rent(twin.Length);
                    buffer.WrittenMemory.Span.Slice(twin.From, twin.Length).CopyTo(copy);
                    w.WriteRawValue(copy.AsSpan(0, twin.Length), skipInputValidation: true);
                    ArrayPool<byte>.Shared.Return(copy);
                }
                else if (CompatibleMetrics.IsTopUrls(metric))
                {
                    (topUrls.GetValueOrDefault(metric) ?? []).WriteTo(w);
                }
                else if (CompatibleMetrics.IsDownloadSpeed(metric))
                {
                    SpeedPoints(speeds, metric, r.Domain).WriteTo(w);
                }
                else if (cachedWindows is not null)
                {
                    scratch.Clear();
                    CachedPoints(scratch, cachedWindows, metric, r.Interval.Length);
                    w.WriteRawValue(scratch.WrittenMemory.Span, skipInputValidation: true);
                }
                else
                {
                    // Each window's Time is formatted once for all the metrics of the answer; the points are written
                    // as raw UTF-8 (numbers formatted in place) and copied in as the property's value.
                    points ??= [.. windows.Select(kv => (CompatiblePointWriter.PointStart(Time(kv.Key)), kv.Value))];
                    scratch.Clear();
                    pointWriter.WriteDetailData(points, metric);
                    w.WriteRawValue(scratch.WrittenMemory.Span, skipInputValidation: true);
                }
                await w.FlushAsync(cancellationToken);
                written.TryAdd(metric, (from, buffer.WrittenCount - from));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("RequestId", Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            w.WriteString("Interval", r.Interval.Label);
            w.WriteString("Country", r.Country);
            w.WriteEndObject();
            w.WriteEndObject();
            await w.FlushAsync(cancellationToken);
            return new JsonBytesResult(buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>The DetailData array of a per-window metric from the windows' rendered points (rendered on first use).</summary>
    private static void CachedPoints(PooledBufferWriter output, IReadOnlyList<CachedWindow> windows, string metric, TimeSpan interval)
    {
        output.Write("["u8);
        for (var i = 0; i < windows.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }
            var window = windows[i];
            output.Write(window.Point(metric, static (name, state) => RenderPoint(state.window, name, state.interval), (window, interval)));
        }
        output.Write("]"u8);
    }

    private static byte[] RenderPoint(CachedWindow window, string metric, TimeSpan interval)
    {
        var point = new ArrayBufferWriter<byte>(256);
        new CompatiblePointWriter(point, interval).WritePoint(CompatiblePointWriter.PointStart(Time(window.End)), window.Stats, metric);
        return point.WrittenSpan.ToArray();
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
