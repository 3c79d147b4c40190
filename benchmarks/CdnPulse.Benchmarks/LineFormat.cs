using CdnPulse.CdnLogs;

namespace CdnPulse.Benchmarks;

/// <summary>The two formats the issue asks about: the reference's 11 fields and every canonical field.</summary>
public enum LineFormat
{
    Default11,
    All,
}

internal static class LineFormats
{
    public static RealtimeLogFormat Of(LineFormat format) => format == LineFormat.All ? RealtimeLogFormat.All : RealtimeLogFormat.Default;
}
