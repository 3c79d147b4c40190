using System.Globalization;

namespace CdnPulse.MetricsQuery.Tests.Load;

/// <summary>What one load loop measured: latencies of the successful requests (ms, sorted), the failures, one answer's size.</summary>
internal sealed record LoadResult(int Concurrency, int Requests, int Failures, TimeSpan Elapsed, IReadOnlyList<double> SortedMs, long ResponseBytes)
{
    public double Percentile(double p) => SortedMs.Count == 0 ? double.NaN : SortedMs[Math.Max(0, (int)Math.Ceiling(SortedMs.Count * p / 100) - 1)];

    public string Row(string query) => string.Create(CultureInfo.InvariantCulture,
        $"| {query} | {ResponseBytes / 1024.0:0.#} KiB | {Concurrency} | {Requests} | {Failures} | {Requests / Elapsed.TotalSeconds:0.0} | {Percentile(50):0.0} | {Percentile(90):0.0} | {Percentile(99):0.0} | {SortedMs.LastOrDefault():0.0} |");
}
