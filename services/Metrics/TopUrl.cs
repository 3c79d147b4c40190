namespace CdnPulse.Metrics;

/// <summary>One entry of a top-URL list: the path and its requests or bytes (a lower bound, see <see cref="UrlSummary"/>).</summary>
public readonly record struct TopUrl(string Path, long Value);
