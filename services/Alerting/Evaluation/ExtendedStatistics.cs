using System.Globalization;
using System.Text.RegularExpressions;
using CdnPulse.Metrics;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// CloudWatch's percentile statistics, <c>p0.0</c> to <c>p100</c> with up to two decimals (<c>p99</c>, <c>p99.9</c>),
/// computed from merged <see cref="LatencyHistogram"/>s with the nearest-rank definition of docs/metrics.md.
/// </summary>
internal static partial class ExtendedStatistics
{
    public const int MaxDecimals = 2;

    /// <summary>Reads <c>pNN</c>; on failure <paramref name="problem"/> says why, for a 400 that names ExtendedStatistic.</summary>
    public static bool TryParse(string text, out decimal percent, out string? problem)
    {
        percent = 0;
        var match = Syntax().Match(text);
        if (!match.Success)
        {
            problem = $"ExtendedStatistic '{text}' is not a percentile such as p90, p99 or p99.9 (p0.0 to p100).";
            return false;
        }
        if (match.Groups[2].Length - 1 > MaxDecimals)
        {
            problem = $"ExtendedStatistic '{text}' has more than {MaxDecimals} decimals: use p0.0 to p100 with at most {MaxDecimals} (p99.99).";
            return false;
        }
        percent = decimal.Parse(match.Groups[1].Value + match.Groups[2].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (percent > 100)
        {
            problem = $"ExtendedStatistic '{text}' is above p100: a percentile lies between p0.0 and p100.";
            return false;
        }
        problem = null;
        return true;
    }

    /// <summary>
    /// The nearest-rank value (rank ⌈p·n/100⌉, at least 1) of a histogram in milliseconds, reported as its bucket's
    /// midpoint: within v/128 of the exact value v. Null for an empty histogram. See <see cref="LatencyHistogram.Percentile(decimal)"/>.
    /// </summary>
    public static double? Milliseconds(LatencyHistogram histogram, decimal percent)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.Percentile(percent) / 1000.0;
    }

    [GeneratedRegex(@"^p(\d{1,3})(\.\d+)?$")]
    private static partial Regex Syntax();
}
