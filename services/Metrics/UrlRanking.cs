namespace CdnPulse.Metrics;

/// <summary>What top URLs are ranked by.</summary>
public enum UrlRanking
{
    Requests,
    Bytes,
}
