using System.Globalization;
using CdnPulse.MetricsQuery.Apis;

namespace CdnPulse.MetricsQuery.Native;

/// <summary>Validates a native query string; every refusal names its parameter.</summary>
internal static class MetricQueryParser
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
    public const int MaxPoints = 10_000;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    public static bool TryParse(MetricDefinition metric, MetricQueryParameters p, DateTimeOffset now, out MetricQuery? query, out ApiError? error)
    {
        query = null;
        if (string.IsNullOrWhiteSpace(p.Domain))
        {
            return Fail("domain", "domain is required: the cs-host of the requests (GET /api/v1/domains lists them).", out error);
        }
        if (!TryTime(p.To, "to", now, now, out var to, out error) || !TryTime(p.From, "from", to - TimeSpan.FromHours(1), now, out var from, out error))
        {
            return false;
        }
        from = Floor(from);
        to = Floor(to + TimeSpan.FromTicks(TimeSpan.TicksPerMinute - 1));
        if (to <= from)
        {
            return Fail("to", "to must be after from (both are taken to whole minutes).", out error);
        }
        if (to - from > MaxRange)
        {
            return Fail("from", $"The range may span at most {MaxRange.TotalDays:0} days.", out error);
        }
        var interval = NativeInterval.Auto(to - from);
        if (!string.IsNullOrEmpty(p.Interval) && !NativeInterval.TryParse(p.Interval, out interval))
        {
            return Fail("interval", "interval must be one of " + string.Join(", ", NativeInterval.Labels) + ".", out error);
        }
        if (interval.Length is { } length && (to - from).Ticks / length.Ticks > MaxPoints)
        {
            return Fail("interval", $"interval {interval.Label} gives more than {MaxPoints} points over this range: use a longer one.", out error);
        }
        var country = string.IsNullOrWhiteSpace(p.Country) || p.Country == "all" ? null : p.Country.Trim();
        if (country is { Length: > 64 })
        {
            return Fail("country", "country is a viewer country code such as US (at most 64 characters).", out error);
        }
        var isp = string.IsNullOrWhiteSpace(p.Isp) ? null : p.Isp.Trim();
        if (isp is not null && metric.Kind != MetricKind.Distribution)
        {
            return Fail("isp", $"isp filters the download-speed metrics only; the per-minute tables behind {metric.Name} are kept per country, not per ISP.", out error);
        }
        var groupBy = MetricGroupBy.None;
        if (!string.IsNullOrEmpty(p.GroupBy) && (!MetricGroupByNames.TryParse(p.GroupBy, out groupBy) || !metric.CanGroupBy(groupBy)))
        {
            var allowed = metric.GroupBys.Count == 0 ? "nothing" : string.Join(", ", metric.GroupBys.Select(MetricGroupByNames.Of));
            return Fail("groupBy", $"{metric.Name} can be grouped by {allowed}.", out error);
        }
        var limit = DefaultLimit;
        if (!string.IsNullOrEmpty(p.Limit) && (!int.TryParse(p.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Fail("limit", $"limit must be a whole number from 1 to {MaxLimit}.", out error);
        }
        query = new MetricQuery(metric, p.Domain.Trim(), from, to, interval, country, isp, groupBy, limit);
        return true;
    }

    private static bool TryTime(string? text, string name, DateTimeOffset fallback, DateTimeOffset now, out DateTimeOffset value, out ApiError? error)
    {
        error = null;
        value = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (TryRelative(text.Trim(), now, out value)
            || DateTimeOffset.TryParseExact(text.Trim(), IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }
        return Fail(name, $"{name} '{text}' is not an ISO-8601 time (e.g. 2026-01-15T10:00:00Z) or now-<n>m|h|d.", out error);
    }

    /// <summary><c>now</c>, or <c>now-</c> followed by a whole number of minutes (m), hours (h) or days (d).</summary>
    private static bool TryRelative(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        value = now;
        if (text == "now")
        {
            return true;
        }
        if (!text.StartsWith("now-", StringComparison.Ordinal) || text.Length < 6
            || !int.TryParse(text.AsSpan(4, text.Length - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        TimeSpan? unit = text[^1] switch { 'm' => TimeSpan.FromMinutes(1), 'h' => TimeSpan.FromHours(1), 'd' => TimeSpan.FromDays(1), _ => null };
        if (unit is null || amount > 100_000)
        {
            return false;
        }
        value = now - (unit.Value * amount);
        return true;
    }

    private static DateTimeOffset Floor(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static bool Fail(string parameter, string message, out ApiError? error)
    {
        error = new ApiError(parameter, message);
        return false;
    }
}
