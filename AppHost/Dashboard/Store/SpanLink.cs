namespace CdnPulse.Dashboard.Store;

/// <summary>A pointer from a span to another span, possibly of another trace (a batch consumer links the messages it folds).</summary>
public sealed record SpanLink(string TraceId, string SpanId);
