using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Apis;

namespace CdnPulse.Alerting.Tests.Apis;

public sealed class PutMetricAlarmParserTests
{
    internal static JsonObject Valid() => new()
    {
        ["AlarmName"] = "www-5xx",
        ["AlarmDescription"] = "5xx share of www above 5 %",
        ["MetricName"] = "errorRate5xx",
        ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Domain", ["Value"] = "www.example.com" }),
        ["Statistic"] = "Average",
        ["Period"] = 60,
        ["EvaluationPeriods"] = 3,
        ["DatapointsToAlarm"] = 2,
        ["Threshold"] = 5,
        ["ComparisonOperator"] = "GreaterThanThreshold",
        ["TreatMissingData"] = "notBreaching",
        ["AlarmActions"] = new JsonArray("ops"),
        ["OKActions"] = new JsonArray("ops"),
    };

    [Fact]
    public void Reads_every_PutMetricAlarm_field()
    {
        var body = Valid();
        body["Dimensions"]!.AsArray().Add(new JsonObject { ["Name"] = "Country", ["Value"] = "DE" });
        body["ActionsEnabled"] = false;
        body["InsufficientDataActions"] = new JsonArray("pager");

        var definition = Parse(body);

        Assert.Equal("www-5xx", definition.AlarmName);
        Assert.Equal("www.example.com", definition.Domain);
        Assert.Equal("DE", definition.Country);
        Assert.Equal(AlarmStatistic.Average, definition.Statistic);
        Assert.Equal((60, 3, 2, 5.0), (definition.Period, definition.EvaluationPeriods, definition.DatapointsToAlarm, definition.Threshold));
        Assert.Equal(ComparisonOperator.GreaterThanThreshold, definition.ComparisonOperator);
        Assert.Equal(TreatMissingData.NotBreaching, definition.TreatMissingData);
        Assert.False(definition.ActionsEnabled);
        Assert.Equal(["ops"], definition.ActionsFor(AlarmStateValue.Alarm));
        Assert.Equal(["pager"], definition.ActionsFor(AlarmStateValue.InsufficientData));
    }

    [Fact]
    public void Defaults_follow_CloudWatch()
    {
        var body = Valid();
        body.Remove("DatapointsToAlarm");
        body.Remove("TreatMissingData");

        var definition = Parse(body);

        Assert.Equal(3, definition.DatapointsToAlarm);
        Assert.Equal(TreatMissingData.Missing, definition.TreatMissingData);
        Assert.True(definition.ActionsEnabled);
        Assert.Null(definition.Country);
    }

    [Theory]
    [InlineData("AlarmName", null, "AlarmName")]
    [InlineData("AlarmName", "\"caf\u00e9\"", "AlarmName")]
    [InlineData("MetricName", "\"cpu\"", "MetricName")]
    [InlineData("Period", "90", "Period")]
    [InlineData("Period", "\"60\"", "Period")]
    [InlineData("EvaluationPeriods", "0", "EvaluationPeriods")]
    [InlineData("EvaluationPeriods", "1441", "EvaluationPeriods")]
    [InlineData("DatapointsToAlarm", "4", "DatapointsToAlarm")]
    [InlineData("Threshold", "\"high\"", "Threshold")]
    [InlineData("ComparisonOperator", "\"GreaterThanUpperThreshold\"", "ComparisonOperator")]
    [InlineData("TreatMissingData", "\"skip\"", "TreatMissingData")]
    [InlineData("Statistic", "\"Median\"", "Statistic")]
    [InlineData("Statistic", null, "Statistic")]
    [InlineData("ActionsEnabled", "\"yes\"", "ActionsEnabled")]
    [InlineData("AlarmActions", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]", "AlarmActions")]
    [InlineData("OKActions", "[\"\"]", "OKActions[0]")]
    [InlineData("Namespace", "\"AWS/CloudFront\"", "Namespace")]
    [InlineData("Dimensions", "[]", "Dimensions")]
    [InlineData("Dimensions", "[{\"Name\":\"ISP\",\"Value\":\"x\"},{\"Name\":\"Domain\",\"Value\":\"d\"}]", "Dimensions[0].Name")]
    [InlineData("Dimensions", "[{\"Name\":\"Domain\",\"Value\":\"d\"},{\"Name\":\"Domain\",\"Value\":\"e\"}]", "Dimensions[1].Name")]
    [InlineData("Dimensions", "[{\"Name\":\"Domain\"}]", "Dimensions[0].Value")]
    [InlineData("Tags", "[]", "Tags")]
    public void A_bad_field_is_refused_with_its_name(string field, string? json, string expectedParameter)
    {
        var body = Valid();
        body.Remove(field);
        if (json is not null)
        {
            body[field] = JsonNode.Parse(json);
        }

        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(body), out _, out var error));
        Assert.Equal(expectedParameter, error!.Parameter);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Sum_of_a_ratio_is_refused_and_a_percentile_names_the_missing_histograms()
    {
        var sum = Valid();
        sum["Statistic"] = "Sum";
        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(sum), out _, out var sumError));
        Assert.Equal("Statistic", sumError!.Parameter);

        var percentile = Valid();
        percentile.Remove("Statistic");
        percentile["MetricName"] = "requestLatency";
        percentile["ExtendedStatistic"] = "p99";
        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(percentile), out _, out var percentileError));
        Assert.Equal("ExtendedStatistic", percentileError!.Parameter);
        Assert.Contains("histograms", percentileError.Message, StringComparison.Ordinal);

        percentile["ExtendedStatistic"] = "p999";
        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(percentile), out _, out var formatError));
        Assert.Contains("not a percentile", formatError!.Message, StringComparison.Ordinal);

        percentile["Statistic"] = "Average";
        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(percentile), out _, out var bothError));
        Assert.Contains("exactly one", bothError!.Message, StringComparison.Ordinal);
    }

    private static AlarmDefinition Parse(JsonObject body)
    {
        Assert.True(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(body), out var definition, out var error), error?.Message);
        return definition!;
    }
}
