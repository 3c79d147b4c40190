using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.EndToEnd.Tests;

/// <summary>
/// A fixed, hand-checkable set of requests for one domain over three minutes. The minutes lie two hours back, on
/// a whole hour: well inside the window retention, and apart from anything "now" that other tests send.
/// </summary>
internal static class KnownTraffic
{
    public static readonly DateTimeOffset FirstMinute = StartOfHour(DateTimeOffset.UtcNow.AddHours(-2));

    private static DateTimeOffset StartOfHour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);

    /// <summary>Requests of minute <paramref name="minute"/> (0..2): 10 + 5·minute of them, each sized 1000·(i+1) + minute.</summary>
    public static IReadOnlyList<CdnRequest> Minute(string domain, int minute)
    {
        var count = 10 + (5 * minute);
        return Enumerable.Range(0, count).Select(i => new CdnRequest(
            (FirstMinute + TimeSpan.FromMinutes(minute) + TimeSpan.FromMilliseconds(997 * i)).ToUnixTimeMilliseconds(),
            i % 2 == 0 ? "8.8.8.8" : "2a01:4f8::1",
            i % 7 == 0 ? 404 : 200,
            (1000L * (i + 1)) + minute,
            domain,
            $"/path/{i % 3}.html",
            10 + i,
            i % 4 == 0 ? "Miss" : "Hit",
            i % 4 == 0 ? "Miss" : "Hit",
            i % 2 == 0 ? "US" : "DE",
            null,
            null)).ToList();
    }

    public static long Bytes(IEnumerable<CdnRequest> requests) => requests.Sum(r => r.BytesSent);

    public static byte[] Line(CdnRequest request) => Encoding.UTF8.GetBytes(new LogLineWriter(RealtimeLogFormat.Default).Write(request) + "\n");
}
