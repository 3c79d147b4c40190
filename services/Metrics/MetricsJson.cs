using System.Text.Json;

namespace CdnPulse.Metrics;

/// <summary>The one JSON shape of metric events (camelCase), used when appending and when projecting.</summary>
public static class MetricsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
