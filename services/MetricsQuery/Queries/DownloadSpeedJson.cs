using System.Globalization;
using System.Text.Json.Nodes;
using CdnPulse.CdnLogs;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Queries;

/// <summary>
/// The reference's download-speed value (§3.5, §4.7): <c>{CC: {ISP: {bucket: "0.25"}}, "timestamp": "&lt;window end, epoch s&gt;", "domain": "…"}</c>,
/// each share of a country × ISP's requests with 2 decimals, all eight buckets listed.
/// </summary>
internal static class DownloadSpeedJson
{
    public static JsonObject Value(DownloadSpeedByCountry speeds, DateTimeOffset windowEnd, string domain)
    {
        var value = new JsonObject();
        foreach (var (country, isps) in speeds.Countries)
        {
            var byIsp = new JsonObject();
            foreach (var (isp, counts) in isps)
            {
                var shares = new JsonObject();
                foreach (var bucket in DownloadSpeedCounts.Buckets)
                {
                    shares[RequestClassification.DownloadSpeedLabel(bucket)] = MetricText.Share(MetricFormulas.Share(counts, bucket));
                }
                byIsp[isp] = shares;
            }
            value[country] = byIsp;
        }
        value["timestamp"] = windowEnd.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        value["domain"] = domain;
        return value;
    }
}
