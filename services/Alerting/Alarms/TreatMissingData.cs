using System.Text.Json.Serialization;

namespace CdnPulse.Alerting.Alarms;

/// <summary>How an alarm treats periods without data (PutMetricAlarm's TreatMissingData, default <c>missing</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TreatMissingData>))]
public enum TreatMissingData
{
    [JsonStringEnumMemberName("missing")]
    Missing,

    [JsonStringEnumMemberName("notBreaching")]
    NotBreaching,

    [JsonStringEnumMemberName("breaching")]
    Breaching,

    [JsonStringEnumMemberName("ignore")]
    Ignore,
}
