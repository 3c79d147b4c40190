namespace CdnPulse.Dashboard.Store;

/// <summary>Trace list filters: a service that took part, a minimum duration, errors only, and free text over span names and attributes.</summary>
public sealed record TraceQuery(string? Service = null, double? MinDurationMs = null, bool ErrorsOnly = false, string? Text = null, int Limit = 100);
