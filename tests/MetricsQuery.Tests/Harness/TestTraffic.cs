using System.Globalization;
using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.MetricsQuery.Tests.Harness;

/// <summary>
/// A fixed, hand-checkable set of requests for one domain over five minutes three hours ago (within Aggregation's
/// retention, fixed for the run): three countries (given in
/// c-country), four client networks with known ISPs, three statuses, four edge result types, five paths.
/// Expected values in the tests are computed from this list with plain LINQ, not with CdnPulse's code.
/// </summary>
internal static class TestTraffic
{
    public const string Domain = "dash.example.com";
    public const int Minutes = 5;

    public static readonly DateTimeOffset FirstMinute = HourOf(DateTimeOffset.UtcNow).AddHours(-3);

    public static readonly (string Ip, string Isp)[] Clients =
        [("8.8.8.8", "Google LLC"), ("1.1.1.1", "Cloudflare, Inc."), ("9.9.9.9", "Quad9"), ("2a01:4f8::1", "Hetzner Online GmbH")];

    public static readonly string[] Countries = ["US", "DE", "JP"];

    private static readonly (string Response, string Detailed)[] EdgeTypes =
        [("Miss", "Miss"), ("Hit", "Hit"), ("RefreshHit", "RefreshHit"), ("Error", "OriginConnectError")];

    public static DateTimeOffset End => FirstMinute.AddMinutes(Minutes);

    public static IReadOnlyList<CdnRequest> All { get; } = Enumerable.Range(0, Minutes).SelectMany(m => Minute(Domain, FirstMinute.AddMinutes(m), 20 + (4 * m), m)).ToList();

    /// <summary>
    /// Requests of one minute: <paramref name="count"/> of them, sized 1000·(i+1) + salt bytes, taking 10 + 37·i ms; the
    /// client changes every second request, so every ISP meets every edge result type.
    /// </summary>
    public static IReadOnlyList<CdnRequest> Minute(string domain, DateTimeOffset minute, int count, int salt = 0) =>
        Enumerable.Range(0, count).Select(i => new CdnRequest(
            (minute + TimeSpan.FromMilliseconds(997 * i)).ToUnixTimeMilliseconds(),
            Clients[(i / 2) % Clients.Length].Ip,
            i % 10 == 0 ? 404 : i % 10 == 5 ? 503 : 200,
            (1000L * (i + 1)) + salt,
            domain,
            $"/p/{i % 5}.html",
            10 + (37 * i),
            EdgeTypes[i % EdgeTypes.Length].Response,
            EdgeTypes[i % EdgeTypes.Length].Detailed,
            Countries[i % Countries.Length],
            null,
            null)).ToList();

    /// <summary>The time as the compatible API writes and reads it, URL-encoded (2026-01-15%2010:00:00).</summary>
    public static string CompatibleTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'%20'HH:mm:ss", CultureInfo.InvariantCulture);

    public static string IspOf(CdnRequest request) => Clients.Single(c => c.Ip == request.ClientIp).Isp;

    public static bool IsHit(CdnRequest r) => r.EdgeResponseResultType is "Hit" or "RefreshHit";

    public static bool WentToOrigin(CdnRequest r) => r.EdgeDetailedResultType is "Miss" or "OriginConnectError";

    /// <summary>Rows the CDN download speed counts: all but Error (and LimitExceeded, CapacityExceeded, Redirect, not used here).</summary>
    public static bool CountsForDownloadSpeed(CdnRequest r) => r.EdgeResponseResultType != "Error";

    private static DateTimeOffset HourOf(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);

    public static byte[] Line(CdnRequest request) => Encoding.UTF8.GetBytes(new LogLineWriter(RealtimeLogFormat.Default).Write(request) + "\n");
}
