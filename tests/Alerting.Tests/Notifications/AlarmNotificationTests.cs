using System.Text.Json;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Notifications;

namespace CdnPulse.Alerting.Tests.Notifications;

public sealed class AlarmNotificationTests
{
    [Fact]
    public void Has_the_shape_of_CloudWatchs_SNS_alarm_message()
    {
        var definition = new AlarmDefinition
        {
            AlarmName = "www-5xx",
            AlarmDescription = "5xx share above 5 %",
            MetricName = "errorRate5xx",
            Dimensions = [new AlarmDimension("Domain", "www.example.com")],
            Statistic = AlarmStatistic.SampleCount,
            Period = 60,
            EvaluationPeriods = 3,
            DatapointsToAlarm = 2,
            Threshold = 5,
            ComparisonOperator = ComparisonOperator.GreaterThanThreshold,
            TreatMissingData = TreatMissingData.NotBreaching,
            AlarmActions = ["ops"],
        };
        var change = new AlarmStateChange(AlarmStateValue.Ok, AlarmStateValue.Alarm, "Threshold Crossed: …", "{}",
            new DateTimeOffset(2026, 1, 15, 10, 3, 1, 250, TimeSpan.Zero));

        using var body = JsonDocument.Parse(AlarmNotification.Build(definition, new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), change));
        var root = body.RootElement;

        Assert.Equal("www-5xx", root.GetProperty("AlarmName").GetString());
        Assert.Equal("5xx share above 5 %", root.GetProperty("AlarmDescription").GetString());
        Assert.Equal("ALARM", root.GetProperty("NewStateValue").GetString());
        Assert.Equal("OK", root.GetProperty("OldStateValue").GetString());
        Assert.Equal("Threshold Crossed: …", root.GetProperty("NewStateReason").GetString());
        Assert.Equal("2026-01-15T10:03:01.250+0000", root.GetProperty("StateChangeTime").GetString());
        Assert.Equal("2026-01-15T09:00:00.000+0000", root.GetProperty("AlarmConfigurationUpdatedTimestamp").GetString());
        Assert.Equal(["ops"], root.GetProperty("AlarmActions").EnumerateArray().Select(a => a.GetString()));
        var trigger = root.GetProperty("Trigger");
        Assert.Equal("errorRate5xx", trigger.GetProperty("MetricName").GetString());
        Assert.Equal("SAMPLE_COUNT", trigger.GetProperty("Statistic").GetString());
        Assert.Equal("Statistic", trigger.GetProperty("StatisticType").GetString());
        var dimension = Assert.Single(trigger.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(("Domain", "www.example.com"), (dimension.GetProperty("name").GetString(), dimension.GetProperty("value").GetString()));
        Assert.Equal(60, trigger.GetProperty("Period").GetInt32());
        Assert.Equal(3, trigger.GetProperty("EvaluationPeriods").GetInt32());
        Assert.Equal("GreaterThanThreshold", trigger.GetProperty("ComparisonOperator").GetString());
        Assert.Equal(5.0, trigger.GetProperty("Threshold").GetDouble());
        Assert.Equal("notBreaching", trigger.GetProperty("TreatMissingData").GetString());
    }

    [Fact]
    public void A_percentile_alarm_names_its_ExtendedStatistic_in_the_trigger()
    {
        var definition = new AlarmDefinition
        {
            AlarmName = "www-p99",
            MetricName = "requestLatency",
            Dimensions = [new AlarmDimension("Domain", "www.example.com")],
            ExtendedStatistic = "p99.9",
            Period = 300,
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            Threshold = 800,
            ComparisonOperator = ComparisonOperator.GreaterThanThreshold,
        };
        var change = new AlarmStateChange(AlarmStateValue.Ok, AlarmStateValue.Alarm, "Threshold Crossed: …", "{}", DateTimeOffset.UnixEpoch);

        using var body = JsonDocument.Parse(AlarmNotification.Build(definition, DateTimeOffset.UnixEpoch, change));
        var trigger = body.RootElement.GetProperty("Trigger");

        Assert.Equal("ExtendedStatistic", trigger.GetProperty("StatisticType").GetString());
        Assert.Equal("p99.9", trigger.GetProperty("ExtendedStatistic").GetString());
        Assert.Equal(JsonValueKind.Null, trigger.GetProperty("Statistic").ValueKind);
    }
}
