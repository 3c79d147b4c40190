using System.Text.Json.Serialization;

namespace CdnPulse.Alerting.Alarms;

/// <summary>PutMetricAlarm's Statistic: how the per-minute samples of one period become one datapoint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmStatistic>))]
public enum AlarmStatistic
{
    SampleCount,
    Average,
    Sum,
    Minimum,
    Maximum,
}
