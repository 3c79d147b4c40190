using System.Text.Json;
using System.Text.Json.Nodes;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Apis;
using CdnPulse.Alerting.Evaluation;

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
    public void Sum_of_a_ratio_is_refused()
    {
        var sum = Valid();
        sum["Statistic"] = "Sum";
        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(sum), out _, out var sumError));
        Assert.Equal("Statistic", sumError!.Parameter);
    }

    [Theory]
    [InlineData("requestLatency", "p99", 99.0)]
    [InlineData("requestLatency", "p99.9", 99.9)]
    [InlineData("requestLatency", "p0.0", 0.0)]
    [InlineData("requestLatency", "p100", 100.0)]
    [InlineData("timeToFirstByte", "p50", 50.0)]
    [InlineData("timeToFirstByte", "p99.99", 99.99)]
    public void A_percentile_of_a_latency_distribution_is_accepted(string metric, string extended, double percent)
    {
        var body = Percentile(metric, extended);

        var definition = Parse(body);

        Assert.Null(definition.Statistic);
        Assert.Equal(extended, definition.ExtendedStatistic);
        Assert.Equal((decimal)percent, DatapointStatistic.Of(definition)!.Value.Percentile);
    }

    [Theory]
    [InlineData("requestLatency", "p100.5", "ExtendedStatistic", "above p100")]
    [InlineData("requestLatency", "p101", "ExtendedStatistic", "above p100")]
    [InlineData("requestLatency", "p999", "ExtendedStatistic", "above p100")]
    [InlineData("requestLatency", "p99.999", "ExtendedStatistic", "more than 2 decimals")]
    [InlineData("requestLatency", "P99", "ExtendedStatistic", "not a percentile")]
    [InlineData("requestLatency", "p-1", "ExtendedStatistic", "not a percentile")]
    [InlineData("requestLatency", "tm99", "ExtendedStatistic", "not a percentile")]
    [InlineData("errorRate5xx", "p99", "ExtendedStatistic", "errorRate5xx has no distribution")]
    [InlineData("requestOriginLatency", "p99", "ExtendedStatistic", "requestOriginLatency has no distribution")]
    [InlineData("latencyP99", "p99", "ExtendedStatistic", "latencyP99 has no distribution")]
    public void A_bad_percentile_is_refused_naming_ExtendedStatistic(string metric, string extended, string field, string reason)
    {
        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(Percentile(metric, extended)), out _, out var error));

        Assert.Equal(field, error!.Parameter);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistic_and_ExtendedStatistic_together_are_refused_naming_ExtendedStatistic()
    {
        var both = Percentile("requestLatency", "p99");
        both["Statistic"] = "Average";

        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(both), out _, out var error));

        Assert.Equal("ExtendedStatistic", error!.Parameter);
        Assert.Contains("exactly one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_without_ExtendedStatistic_is_refused_naming_Statistic()
    {
        var body = Valid();
        body["MetricName"] = "timeToFirstByte";

        Assert.False(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(body), out _, out var error));

        Assert.Equal("Statistic", error!.Parameter);
        Assert.Contains("ExtendedStatistic", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Percentile(string metric, string extended)
    {
        var body = Valid();
        body.Remove("Statistic");
        body["MetricName"] = metric;
        body["ExtendedStatistic"] = extended;
        return body;
    }

    private static AlarmDefinition Parse(JsonObject body)
    {
        Assert.True(PutMetricAlarmParser.TryParse(JsonSerializer.SerializeToElement(body), out var definition, out var error), error?.Message);
        return definition!;
    }
}
