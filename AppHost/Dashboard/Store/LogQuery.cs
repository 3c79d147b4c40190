namespace CdnPulse.Dashboard.Store;

/// <summary>Structured-log filters: resource, minimum OTLP severity number (9 = Information, 13 = Warning, 17 = Error), free text, trace.</summary>
public sealed record LogQuery(string? Resource = null, int MinSeverity = 0, string? Text = null, string? TraceId = null, int Limit = 200);
