using System.Globalization;
using CdnPulse.MetricsQuery.Queries;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>The reference's query string, validated: every problem names its parameter.</summary>
internal sealed record CompatibleMetricRequest(
    DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Metrics, string Domain, string Country, MetricInterval Interval)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static bool TryParse(IQueryCollection query, out CompatibleMetricRequest? request, out ApiError? error)
    {
        request = null;
        if (!TryTime(query, "StartTime", out var start, out error) || !TryTime(query, "EndTime", out var end, out error))
        {
            return false;
        }
        if (end < start)
        {
            error = new ApiError("EndTime", "EndTime must not be before StartTime.");
            return false;
        }
        var metric = query["Metric"].ToString();
        if (string.IsNullOrWhiteSpace(metric))
        {
            error = new ApiError("Metric", "Metric is required: one of " + string.Join(", ", CompatibleMetrics.Known) + ", or all.");
            return false;
        }
        if (metric != "all" && !CompatibleMetrics.IsKnown(metric))
        {
            error = new ApiError("Metric", $"Unknown Metric '{metric}': use one of " + string.Join(", ", CompatibleMetrics.Known) + ", or all.");
            return false;
        }
        var domain = query["Domain"].ToString();
        if (string.IsNullOrWhiteSpace(domain))
        {
            error = new ApiError("Domain", "Domain is required (the cs-host of the requests, e.g. d111111abcdef8.cloudfront.net).");
            return false;
        }
        var country = query["Country"].ToString();
        if (string.IsNullOrWhiteSpace(country))
        {
            country = "all";
        }
        if (!MetricInterval.TryParse(query["Interval"].ToString(), out var interval))
        {
            error = new ApiError("Interval", "Interval must be one of " + string.Join(", ", MetricInterval.Labels) + ".");
            return false;
        }
        var metrics = metric == "all" ? CompatibleMetrics.All : [metric];
        request = new CompatibleMetricRequest(start, end, metrics, domain, country, interval);
        error = null;
        return true;
    }

    private static bool TryTime(IQueryCollection query, string name, out DateTimeOffset value, out ApiError? error)
    {
        var text = query[name].ToString();
        if (DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            error = null;
            return true;
        }
        error = new ApiError(name, string.IsNullOrEmpty(text)
            ? $"{name} is required, as '{TimeFormat}' in UTC."
            : $"{name} '{text}' is not a time in the form '{TimeFormat}' (UTC).");
        return false;
    }
}
