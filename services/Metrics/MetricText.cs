using System.Globalization;

namespace CdnPulse.Metrics;

/// <summary>The reference's string forms of metric values (invariant culture, rounding half away from zero).</summary>
public static class MetricText
{
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Milliseconds with 3 decimals.</summary>
    public static string Milliseconds(decimal value) => Round(value, 3).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Percent with 2 decimals.</summary>
    public static string Percent(decimal value) => Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Bits per second, at most 2 decimals, trailing zeros dropped.</summary>
    public static string BitsPerSecond(decimal value) => Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A share of 0–1 with 2 decimals (download speed).</summary>
    public static string Share(decimal value) => Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
