using System.Text.Json;

namespace CdnPulse.Alerting;

/// <summary>The JSON shape of alarm events and stored definitions (camelCase, enums as CloudWatch spells them).</summary>
public static class AlertingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
