using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;

namespace CdnPulse.Alerting.Tests.Evaluation;

/// <summary>
/// CloudWatch's documented evaluation examples ("Configuring how CloudWatch alarms treat missing data", "How alarm
/// state is evaluated when data is missing"): datapoints oldest first, 0 not breaching, X breaching, - missing; the
/// evaluation range holds 5 periods for 3 evaluation periods. Each row gives the filled count and the state for
/// MISSING, IGNORE, BREACHING and NOT BREACHING; RETAIN means the current state is kept.
/// </summary>
public sealed class AlarmEvaluatorTests
{
    private const double Threshold = 5;

    public static TheoryData<string, int, int, string, int, string> DocumentedTable()
    {
        var rows = new (string Points, int M, int Filled, string Missing, string Ignore, string Breaching, string NotBreaching)[]
        {
            // Datapoints to Alarm = Evaluation Periods = 3.
            ("0 - X - X", 3, 0, "OK", "OK", "OK", "OK"),
            ("0 - - - -", 3, 2, "OK", "OK", "OK", "OK"),
            ("- - - - 0", 3, 2, "OK", "OK", "OK", "OK"),
            ("- - - - -", 3, 3, "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK"),
            ("0 X X - X", 3, 0, "ALARM", "ALARM", "ALARM", "ALARM"),
            ("- - - - X", 3, 2, "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK"),
            ("X - - - -", 3, 2, "ALARM", "RETAIN", "ALARM", "OK"),
            ("- - X - -", 3, 2, "ALARM", "RETAIN", "ALARM", "OK"),
            // 2 out of 3.
            ("0 - X - X", 2, 0, "ALARM", "ALARM", "ALARM", "ALARM"),
            ("0 0 X 0 X", 2, 0, "ALARM", "ALARM", "ALARM", "ALARM"),
            ("0 - X - -", 2, 1, "OK", "OK", "ALARM", "OK"),
            ("- - - - 0", 2, 2, "OK", "OK", "ALARM", "OK"),
            ("- - - - X", 2, 2, "INSUFFICIENT_DATA", "RETAIN", "ALARM", "OK"),
        };
        var data = new TheoryData<string, int, int, string, int, string>();
        foreach (var row in rows)
        {
            data.Add(row.Points, row.M, (int)TreatMissingData.Missing, "missing", row.Filled, row.Missing);
            data.Add(row.Points, row.M, (int)TreatMissingData.Ignore, "ignore", row.Filled, row.Ignore);
            data.Add(row.Points, row.M, (int)TreatMissingData.Breaching, "breaching", row.Filled, row.Breaching);
            data.Add(row.Points, row.M, (int)TreatMissingData.NotBreaching, "notBreaching", row.Filled, row.NotBreaching);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedTable))]
    public void Reproduces_the_documented_missing_data_table(string points, int datapointsToAlarm, int treat, string treatName, int filled, string expected)
    {
        var rule = new AlarmRule(Threshold, ComparisonOperator.GreaterThanThreshold, 3, datapointsToAlarm, (TreatMissingData)treat);
        Assert.Equal(5, rule.EvaluationRange);
        foreach (var current in Enum.GetValues<AlarmStateValue>())
        {
            var decision = AlarmEvaluator.Evaluate(rule, Range(points), current);
            var want = expected == "RETAIN" ? current : AlarmStateValues.Parse(expected);
            Assert.True(want == decision.State, $"{points}, {datapointsToAlarm} of 3, {treatName}, from {current.Text()}: expected {want.Text()}, got {decision.State.Text()}");
            Assert.Equal(filled, decision.Filled);
        }
    }

    [Fact]
    public void Follows_the_documented_three_out_of_three_graph_period_by_period()
    {
        // Threshold 3: periods 3 to 5 breach (ALARM after the fifth), the sixth dips (OK), the ninth breaches alone (stays OK).
        // Before three periods exist, the non-breaching ones already make it OK (missing ones are not evaluated).
        var values = new double[] { 2, 2.5, 4, 5, 4.5, 2, 1, 2, 4, 2 };
        var rule = new AlarmRule(3, ComparisonOperator.GreaterThanThreshold, 3, 3, TreatMissingData.Missing);
        var state = AlarmStateValue.InsufficientData;
        var states = new List<AlarmStateValue>();
        for (var evaluatedAfter = 1; evaluatedAfter <= values.Length; evaluatedAfter++)
        {
            var range = Enumerable.Range(evaluatedAfter - 5, 5)
                .Select(i => new PeriodDatapoint(Start(i), i >= 0 ? values[i] : null, i >= 0 ? 1 : 0)).ToList();
            state = AlarmEvaluator.Evaluate(rule, range, state).State;
            states.Add(state);
        }
        Assert.Equal(
            ["OK", "OK", "OK", "OK", "ALARM", "OK", "OK", "OK", "OK", "OK"],
            states.Select(s => s.Text()).ToList());
    }

    [Theory]
    [InlineData("0 X X 0 X X", 4, 5, "ALARM")]
    [InlineData("0 X 0 0 X X", 4, 5, "OK")]
    [InlineData("0 X X X X X", 4, 5, "ALARM")]
    [InlineData("X X 0 X X 0", 4, 5, "OK")]
    [InlineData("0 0 X 0 X 0 X", 3, 5, "ALARM")]
    [InlineData("X 0 X 0 0 0 X", 3, 5, "OK")]
    public void An_M_out_of_N_alarm_needs_M_breaching_among_the_last_N(string points, int m, int n, string expected)
    {
        var rule = new AlarmRule(Threshold, ComparisonOperator.GreaterThanThreshold, n, m, TreatMissingData.Missing);
        var range = Range(points).TakeLast(rule.EvaluationRange).ToList();
        Assert.Equal(expected, AlarmEvaluator.Evaluate(rule, range, AlarmStateValue.Ok).State.Text());
    }

    [Theory]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 5.0, false)]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 5.01, true)]
    [InlineData(ComparisonOperator.GreaterThanOrEqualToThreshold, 5.0, true)]
    [InlineData(ComparisonOperator.GreaterThanOrEqualToThreshold, 4.99, false)]
    [InlineData(ComparisonOperator.LessThanThreshold, 5.0, false)]
    [InlineData(ComparisonOperator.LessThanThreshold, 4.99, true)]
    [InlineData(ComparisonOperator.LessThanOrEqualToThreshold, 5.0, true)]
    [InlineData(ComparisonOperator.LessThanOrEqualToThreshold, 5.01, false)]
    public void Each_operator_compares_against_the_threshold(ComparisonOperator op, double value, bool breaching)
    {
        var rule = new AlarmRule(Threshold, op, 1, 1, TreatMissingData.Missing);
        var decision = AlarmEvaluator.Evaluate(rule, [Missing(0), Missing(1), new PeriodDatapoint(Start(2), value, 1)], AlarmStateValue.Ok);
        Assert.Equal(breaching ? AlarmStateValue.Alarm : AlarmStateValue.Ok, decision.State);
    }

    [Fact]
    public void Late_data_in_the_latest_period_replaces_the_older_datapoint_it_stood_in_for()
    {
        // The latest minute has not arrived yet: the older breaching minute is evaluated. Then its (late) data arrives.
        var rule = new AlarmRule(20, ComparisonOperator.GreaterThanThreshold, 1, 1, TreatMissingData.Missing);
        var before = AlarmEvaluator.Evaluate(rule, [Missing(0), new PeriodDatapoint(Start(1), 60, 1), Missing(2)], AlarmStateValue.Ok);
        Assert.Equal(AlarmStateValue.Alarm, before.State);
        Assert.Equal(Start(1), Assert.Single(before.Evaluated).Start);

        var after = AlarmEvaluator.Evaluate(rule, [Missing(0), new PeriodDatapoint(Start(1), 60, 1), new PeriodDatapoint(Start(2), 3, 1)], before.State);
        Assert.Equal(AlarmStateValue.Ok, after.State);
        Assert.Equal(Start(2), Assert.Single(after.Evaluated).Start);
    }

    internal static List<PeriodDatapoint> Range(string points) =>
        points.Split(' ').Select((p, i) => p switch
        {
            "0" => new PeriodDatapoint(Start(i), 1, 1),
            "X" => new PeriodDatapoint(Start(i), 10, 1),
            _ => Missing(i),
        }).ToList();

    private static PeriodDatapoint Missing(int i) => PeriodDatapoint.Missing(Start(i));

    private static DateTimeOffset Start(int i) => new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero).AddMinutes(5 * i);
}
