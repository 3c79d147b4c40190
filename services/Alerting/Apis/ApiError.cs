using System.Text.Json.Serialization;

namespace CdnPulse.Alerting.Apis;

/// <summary>A 400 (or 404) body that names the field at fault, as MetricsQuery's errors do.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("parameter")] string Parameter,
    [property: JsonPropertyName("message")] string Message);
