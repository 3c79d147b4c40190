using System.Text.Json.Serialization;

namespace CdnPulse.Alerting.Alarms;

/// <summary>The four static-threshold operators of PutMetricAlarm (anomaly-detection bands are not supported).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOperator>))]
public enum ComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}
