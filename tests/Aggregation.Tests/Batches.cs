using CdnPulse.Contracts;

namespace CdnPulse.Aggregation.Tests;

/// <summary>Enriched batches for publishing straight to Aggregation, as Enrichment would: ISP from the ASN table.</summary>
internal static class Batches
{
    private static readonly Lazy<Dictionary<string, string>> Isps = new(() => IspTable.Lookup(TrafficGenerator.Addresses));

    public static LogBatchEnriched Enriched(string batchId, IEnumerable<CdnRequest> requests) =>
        new(batchId, "test", DateTimeOffset.UtcNow, requests.Select(r => r with { Isp = Isps.Value[r.ClientIp] }).ToList());

    /// <summary>The hour-aligned start of the hour <paramref name="hoursAgo"/> hours before now.</summary>
    public static DateTimeOffset HourAgo(int hoursAgo)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-hoursAgo);
    }
}
