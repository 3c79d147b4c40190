using System.Text.Json.Serialization;

namespace CdnPulse.Alerting.Alarms;

/// <summary>CloudWatch's three alarm states; on the wire and in events they are written as CloudWatch writes them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmStateValue>))]
public enum AlarmStateValue
{
    [JsonStringEnumMemberName("INSUFFICIENT_DATA")]
    InsufficientData,

    [JsonStringEnumMemberName("OK")]
    Ok,

    [JsonStringEnumMemberName("ALARM")]
    Alarm,
}
