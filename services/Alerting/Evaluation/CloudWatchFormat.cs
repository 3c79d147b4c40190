using System.Globalization;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>How CloudWatch writes numbers and times in alarm reasons and notifications.</summary>
public static class CloudWatchFormat
{
    /// <summary>"50.0" for whole numbers, otherwise the shortest text that round-trips ("99.50160229693434").</summary>
    public static string Number(double value) =>
        double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A datapoint's time in a reason: "02/10/19 16:59:00" (UTC).</summary>
    public static string ReasonTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A timestamp in notifications and reason data: "2019-10-02T17:04:40.985+0000".</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
