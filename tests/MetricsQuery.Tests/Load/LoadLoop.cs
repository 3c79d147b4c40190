using System.Diagnostics;
using System.Net;

namespace CdnPulse.MetricsQuery.Tests.Load;

/// <summary>A bounded closed loop: <c>concurrency</c> clients each send the next request when the last one answered, for a fixed time.</summary>
internal static class LoadLoop
{
    public static async Task<LoadResult> RunAsync(HttpClient http, string url, string key, int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var bytes = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("x-api-key", key);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies[c].Add(elapsed);
                        Interlocked.Exchange(ref bytes, response.Content.Headers.ContentLength ?? (await response.Content.ReadAsByteArrayAsync()).Length);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // A timeout counts as a failure, like a non-200 answer.
                }
                Interlocked.Increment(ref failures);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(concurrency, all.Count, failures, clock.Elapsed, all, bytes);
    }
}
