using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>
/// The query string of <c>GET /api/v1/metrics/{name}</c>, bound as text so that every problem can be answered with a
/// 400 naming its parameter (<see cref="MetricQueryParser"/>).
/// </summary>
public sealed record MetricQueryParameters
{
    [FromQuery(Name = "domain"), Description("The domain (cs-host), e.g. d111111abcdef8.cloudfront.net. Required.")]
    public string? Domain { get; init; }

    [FromQuery(Name = "from"), Description("Start, ISO-8601 (2026-01-15T10:00:00Z; no offset means UTC) or now-<n>m|h|d. Default: one hour before 'to'. Floored to the minute.")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("End (exclusive), same forms as 'from'. Default: now. Rounded up to the minute.")]
    public string? To { get; init; }

    [FromQuery(Name = "interval"), Description("1m, 5m, 15m, 1h, 6h, 1d or total; default: the smallest with at most 600 points.")]
    public string? Interval { get; init; }

    [FromQuery(Name = "country"), Description("Only this viewer country (c-country code, e.g. US); 'all' or absent for every country.")]
    public string? Country { get; init; }

    [FromQuery(Name = "isp"), Description("Only this ISP (AS organisation, e.g. 'Google LLC'); download-speed metrics only.")]
    public string? Isp { get; init; }

    [FromQuery(Name = "groupBy"), Description("Split into one series per country, isp, status or edgeType (see the metric's groupBy list).")]
    public string? GroupBy { get; init; }

    [FromQuery(Name = "limit"), Description("Groups (groupBy, largest first) or URLs (top-N) returned: 1–100, default 10.")]
    public string? Limit { get; init; }
}
