namespace CdnPulse.MetricsQuery.Native;

/// <summary>The shape a native metric is served in.</summary>
public enum MetricKind
{
    /// <summary>One value per interval (and a total for the range), optionally per group.</summary>
    Series,

    /// <summary>A ranked list of URL paths over the whole range.</summary>
    TopUrls,

    /// <summary>Requests per download-speed bucket, per interval and over the range.</summary>
    Distribution,
}
