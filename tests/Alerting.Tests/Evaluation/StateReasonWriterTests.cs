using System.Text.Json;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;

namespace CdnPulse.Alerting.Tests.Evaluation;

public sealed class StateReasonWriterTests
{
    private static readonly DateTimeOffset QueryDate = new(2019, 10, 2, 17, 4, 40, 985, TimeSpan.Zero);

    [Fact]
    public void Words_a_one_out_of_one_alarm_as_CloudWatch_does()
    {
        var rule = new AlarmRule(50, ComparisonOperator.GreaterThanThreshold, 1, 1, TreatMissingData.Missing);
        var range = new List<PeriodDatapoint>
        {
            PeriodDatapoint.Missing(At(16, 57)), PeriodDatapoint.Missing(At(16, 58)), new(At(16, 59), 99.50160229693434, 1),
        };
        var decision = AlarmEvaluator.Evaluate(rule, range, AlarmStateValue.Ok);

        var reason = StateReasonWriter.Write(decision, rule, AlarmStateValue.Ok, range, "Average", 60, QueryDate);

        Assert.Equal("Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the "
                     + "threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).", reason.Text);
        using var data = JsonDocument.Parse(reason.Data);
        Assert.Equal("2019-10-02T17:04:40.985+0000", data.RootElement.GetProperty("queryDate").GetString());
        Assert.Equal("2019-10-02T16:57:00.000+0000", data.RootElement.GetProperty("startDate").GetString());
        Assert.Equal(60, data.RootElement.GetProperty("period").GetInt32());
        Assert.Equal(50.0, data.RootElement.GetProperty("threshold").GetDouble());
        var evaluated = Assert.Single(data.RootElement.GetProperty("evaluatedDatapoints").EnumerateArray());
        Assert.Equal("2019-10-02T16:59:00.000+0000", evaluated.GetProperty("timestamp").GetString());
        Assert.Equal(99.50160229693434, evaluated.GetProperty("value").GetDouble());
    }

    [Fact]
    public void Words_a_return_to_OK_with_the_non_breaching_datapoints_newest_first()
    {
        var rule = new AlarmRule(3, ComparisonOperator.GreaterThanOrEqualToThreshold, 3, 2, TreatMissingData.Missing);
        var range = new List<PeriodDatapoint>
        {
            new(At(10, 0), 5, 5), new(At(10, 5), 1, 5), new(At(10, 10), 4, 5), new(At(10, 15), 2, 5), new(At(10, 20), 2.5, 5),
        };
        var decision = AlarmEvaluator.Evaluate(rule, range, AlarmStateValue.Alarm);

        var reason = StateReasonWriter.Write(decision, rule, AlarmStateValue.Alarm, range, "Average", 300, QueryDate);

        Assert.Equal(AlarmStateValue.Ok, decision.State);
        Assert.Equal("Threshold Crossed: 2 out of the last 3 datapoints [2.5 (02/10/19 10:20:00), 2.0 (02/10/19 10:15:00)] were not greater than "
                     + "or equal to the threshold (3.0) (minimum 2 datapoints for ALARM -> OK transition).", reason.Text);
    }

    [Fact]
    public void Names_the_missing_datapoints_treated_as_breaching()
    {
        var rule = new AlarmRule(10, ComparisonOperator.LessThanThreshold, 2, 2, TreatMissingData.Breaching);
        var range = Enumerable.Range(0, 4).Select(i => PeriodDatapoint.Missing(At(10, i))).ToList();
        var decision = AlarmEvaluator.Evaluate(rule, range, AlarmStateValue.Ok);

        var reason = StateReasonWriter.Write(decision, rule, AlarmStateValue.Ok, range, "Sum", 60, QueryDate);

        Assert.Equal(AlarmStateValue.Alarm, decision.State);
        Assert.Equal("Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching] "
                     + "(minimum 2 datapoints for OK -> ALARM transition).", reason.Text);
    }

    [Fact]
    public void Says_which_datapoints_were_unknown_when_data_is_insufficient()
    {
        var rule = new AlarmRule(5, ComparisonOperator.GreaterThanThreshold, 3, 3, TreatMissingData.Missing);
        var range = AlarmEvaluatorTests.Range("- - - - X");
        var decision = AlarmEvaluator.Evaluate(rule, range, AlarmStateValue.Ok);

        var reason = StateReasonWriter.Write(decision, rule, AlarmStateValue.Ok, range, "Maximum", 300, QueryDate);

        Assert.Equal(AlarmStateValue.InsufficientData, decision.State);
        Assert.Equal("Insufficient Data: 2 datapoints were unknown; 1 datapoint [10.0 (15/01/26 10:20:00)] was greater than the threshold (5.0).", reason.Text);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2019, 10, 2, hour, minute, 0, TimeSpan.Zero);
}
