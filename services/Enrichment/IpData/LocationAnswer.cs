namespace CdnPulse.Enrichment.IpData;

/// <summary>An interval's country and ISP (null where no range covers it), held as the shared value strings themselves.</summary>
internal readonly record struct LocationAnswer(string? Country, string? Isp);
