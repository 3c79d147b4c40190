using CdnPulse.Contracts;

namespace CdnPulse.Aggregation.Tests;

/// <summary>
/// A seeded generator of CloudFront requests that touches every metric: hits, misses, origin errors, quota refusals,
/// 2xx–5xx, time-taken on the 0.3/0.6/1 s thresholds and 0, with and without time-to-first-byte, Zipf-like paths,
/// and sizes spread over every download-speed bucket. Whole milliseconds, as CloudFront logs them.
/// </summary>
internal sealed class TrafficGenerator(int seed)
{
    public static readonly string[] Addresses = ["8.8.8.8", "1.1.1.1", "9.9.9.9", "2a01:4f8::1", "10.11.12.13"];

    private static readonly string[] Countries = ["US", "DE", "JP", "BR"];

    private static readonly (string Result, string? Detailed)[] Results =
    [
        ("Hit", "Hit"), ("Hit", "Hit"), ("Hit", "Hit"), ("Hit", "OriginShieldHit"), ("RefreshHit", "RefreshHit"),
        ("Miss", "Miss"), ("Miss", "Miss"), ("Error", "OriginConnectError"), ("Error", "Error"), ("Redirect", "Redirect"),
        ("LimitExceeded", "LimitExceeded"), ("CapacityExceeded", "CapacityExceeded"),
    ];

    private static readonly int[] Statuses = [200, 200, 200, 200, 200, 206, 304, 301, 403, 404, 404, 500, 502, 503];

    private readonly Random _random = new(seed);

    /// <summary><paramref name="count"/> requests for <paramref name="domains"/>, spread over <paramref name="minutes"/> minutes from <paramref name="first"/>.</summary>
    public List<CdnRequest> Generate(int count, IReadOnlyList<string> domains, DateTimeOffset first, int minutes, int paths = 30)
    {
        var requests = new List<CdnRequest>(count);
        var firstMs = first.ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            // Every 50th request sits exactly on a minute boundary.
            var offset = i % 50 == 0 ? _random.Next(0, minutes) * 60_000L : _random.NextInt64(0, minutes * 60_000L);
            var (result, detailed) = _random.Next(40) == 0 ? ((string?)null, (string?)null) : Results[_random.Next(Results.Length)];
            var timeTaken = TimeTakenMs();
            requests.Add(new CdnRequest(
                firstMs + offset,
                Addresses[_random.Next(Addresses.Length)],
                Statuses[_random.Next(Statuses.Length)],
                Bytes(),
                domains[_random.Next(domains.Count)],
                $"/static/{Zipf(paths)}.bin",
                timeTaken,
                result,
                detailed,
                Countries[_random.Next(Countries.Length)],
                null,
                _random.Next(5) == 0 ? null : _random.Next(0, (int)timeTaken + 1)));
        }
        return requests;
    }

    private double TimeTakenMs() => _random.Next(100) switch
    {
        < 2 => 0,
        < 5 => new[] { 300, 600, 1000, 299, 599, 999 }[_random.Next(6)],
        < 45 => _random.Next(1, 100),
        < 85 => _random.Next(100, 1000),
        _ => _random.Next(1000, 5000),
    };

    private long Bytes() => _random.Next(10) switch
    {
        0 => _random.Next(0, 1000),
        < 6 => _random.Next(1000, 400_000),
        _ => _random.Next(400_000, 6_000_000),
    };

    /// <summary>A path rank with probability ∝ 1 / rank.</summary>
    private int Zipf(int paths)
    {
        var harmonic = 0.0;
        for (var k = 1; k <= paths; k++)
        {
            harmonic += 1.0 / k;
        }
        var target = _random.NextDouble() * harmonic;
        for (var k = 1; k <= paths; k++)
        {
            target -= 1.0 / k;
            if (target <= 0)
            {
                return k;
            }
        }
        return paths;
    }
}
