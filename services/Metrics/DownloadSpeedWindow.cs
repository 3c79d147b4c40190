namespace CdnPulse.Metrics;

/// <summary>The download-speed metrics of one window: the CDN rows and the origin rows, per country × ISP.</summary>
public sealed class DownloadSpeedWindow
{
    public DownloadSpeedByCountry Cdn { get; } = new();

    public DownloadSpeedByCountry Origin { get; } = new();

    public void Merge(DownloadSpeedWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Cdn.Merge(other.Cdn);
        Origin.Merge(other.Origin);
    }
}
