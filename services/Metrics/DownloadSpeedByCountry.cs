namespace CdnPulse.Metrics;

/// <summary>Download-speed counts per country, then ISP (both in ordinal order), for one window; merges by adding.</summary>
public sealed class DownloadSpeedByCountry
{
    public SortedDictionary<string, SortedDictionary<string, DownloadSpeedCounts>> Countries { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Countries.Count == 0;

    /// <summary>The counts of one country × ISP, created empty when missing.</summary>
    public DownloadSpeedCounts Get(string country, string isp)
    {
        if (!Countries.TryGetValue(country, out var isps))
        {
            isps = new SortedDictionary<string, DownloadSpeedCounts>(StringComparer.Ordinal);
            Countries[country] = isps;
        }
        if (!isps.TryGetValue(isp, out var counts))
        {
            counts = new DownloadSpeedCounts();
            isps[isp] = counts;
        }
        return counts;
    }

    public void Merge(DownloadSpeedByCountry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (country, isps) in other.Countries)
        {
            foreach (var (isp, counts) in isps)
            {
                Get(country, isp).Merge(counts);
            }
        }
    }
}
