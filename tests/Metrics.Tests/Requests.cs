using CdnPulse.Contracts;

namespace CdnPulse.Metrics.Tests;

/// <summary>Hand-made requests for the formula tests.</summary>
internal static class Requests
{
    public static readonly DateTimeOffset Minute = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static CdnRequest Make(
        int status = 200,
        long bytes = 1000,
        double timeTakenMs = 100,
        string? result = "Hit",
        string? detailed = "Hit",
        string url = "/index.html",
        string country = "US",
        string? isp = "Example ISP",
        double? firstByteMs = null,
        string host = "example.com",
        DateTimeOffset? at = null) =>
        new((at ?? Minute).ToUnixTimeMilliseconds(), "192.0.2.1", status, bytes, host, url, timeTakenMs, result, detailed, country, isp, firstByteMs);

    public static WindowStats Stats(params CdnRequest[] requests)
    {
        var stats = new WindowStats();
        foreach (var request in requests)
        {
            stats.Add(request);
        }
        return stats;
    }
}
