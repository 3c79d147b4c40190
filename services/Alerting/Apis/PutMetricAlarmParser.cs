using System.Text.Json;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;

namespace CdnPulse.Alerting.Apis;

/// <summary>
/// Reads a PutMetricAlarm body (CloudWatch's field names) into an <see cref="AlarmDefinition"/>. Every refusal names
/// its field, so an operator can fix a request without guessing. Limits follow CloudWatch's where they apply.
/// </summary>
internal static class PutMetricAlarmParser
{
    public const string Namespace = "CdnPulse";
    public const int MaxActions = 5;

    private static readonly HashSet<string> Known =
    [
        "AlarmName", "AlarmDescription", "Namespace", "MetricName", "Dimensions", "Statistic", "ExtendedStatistic", "Period",
        "EvaluationPeriods", "DatapointsToAlarm", "Threshold", "ComparisonOperator", "TreatMissingData", "ActionsEnabled",
        "AlarmActions", "OKActions", "InsufficientDataActions", "Unit",
    ];

    public static bool TryParse(JsonElement body, out AlarmDefinition? definition, out ApiError? error)
    {
        definition = null;
        try
        {
            definition = Parse(body);
            error = null;
            return true;
        }
        catch (FieldException ex)
        {
            error = new ApiError(ex.Field, ex.Message);
            return false;
        }
    }

    private static AlarmDefinition Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new FieldException("body", "The body must be a JSON object with PutMetricAlarm's fields.");
        }
        foreach (var property in body.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
            {
                throw new FieldException(property.Name, $"Unknown field '{property.Name}': PutMetricAlarm fields are {string.Join(", ", Known)}.");
            }
        }
        var name = JsonFields.RequiredString(body, "AlarmName");
        if (name.Length > 255 || name.Any(c => c < 0x20 || c > 0x7e))
        {
            throw new FieldException("AlarmName", "AlarmName must be 1 to 255 printable ASCII characters.");
        }
        var description = JsonFields.OptionalString(body, "AlarmDescription");
        if (description is { Length: > 1024 })
        {
            throw new FieldException("AlarmDescription", "AlarmDescription must be at most 1024 characters.");
        }
        if (JsonFields.OptionalString(body, "Namespace") is { } ns && ns != Namespace)
        {
            throw new FieldException("Namespace", $"Namespace must be '{Namespace}' (or left out): alarms watch CdnPulse metrics.");
        }
        JsonFields.OptionalString(body, "Unit");

        var metricName = JsonFields.RequiredString(body, "MetricName");
        var metric = AlarmMetrics.Find(metricName)
            ?? throw new FieldException("MetricName", $"Unknown MetricName '{metricName}': use one of {string.Join(", ", AlarmMetrics.Names)}.");
        var dimensions = Dimensions(body);
        var (statistic, extended) = Statistic(body, metric);

        var period = JsonFields.RequiredInt(body, "Period");
        if (period < 60 || period % 60 != 0)
        {
            throw new FieldException("Period", $"Period must be a positive multiple of 60 seconds (is {period}): metrics have one-minute resolution.");
        }
        var evaluationPeriods = JsonFields.RequiredInt(body, "EvaluationPeriods");
        if (evaluationPeriods < 1)
        {
            throw new FieldException("EvaluationPeriods", "EvaluationPeriods must be at least 1.");
        }
        var maxSpan = period < 3600 ? 86_400L : 604_800L;
        if ((long)period * evaluationPeriods > maxSpan)
        {
            throw new FieldException("EvaluationPeriods", $"Period × EvaluationPeriods must be at most {maxSpan} seconds ({(maxSpan == 86_400 ? "one day" : "seven days")} for this Period).");
        }
        var datapointsToAlarm = JsonFields.OptionalInt(body, "DatapointsToAlarm") ?? evaluationPeriods;
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)
        {
            throw new FieldException("DatapointsToAlarm", $"DatapointsToAlarm must be between 1 and EvaluationPeriods ({evaluationPeriods}).");
        }
        var threshold = JsonFields.RequiredNumber(body, "Threshold");
        var comparison = Enum<ComparisonOperator>(body, "ComparisonOperator", required: true)!.Value;
        var treatMissing = body.TryGetProperty("TreatMissingData", out var treat) && treat.ValueKind != JsonValueKind.Null
            ? ParseTreatMissingData(treat)
            : TreatMissingData.Missing;

        return new AlarmDefinition
        {
            AlarmName = name,
            AlarmDescription = description,
            MetricName = metric.Name,
            Dimensions = dimensions,
            Statistic = statistic,
            ExtendedStatistic = extended,
            Period = period,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = datapointsToAlarm,
            Threshold = threshold,
            ComparisonOperator = comparison,
            TreatMissingData = treatMissing,
            ActionsEnabled = JsonFields.OptionalBool(body, "ActionsEnabled") ?? true,
            AlarmActions = Actions(body, "AlarmActions"),
            OKActions = Actions(body, "OKActions"),
            InsufficientDataActions = Actions(body, "InsufficientDataActions"),
        };
    }

    private static List<AlarmDimension> Dimensions(JsonElement body)
    {
        if (!body.TryGetProperty("Dimensions", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException("Dimensions", "Dimensions is required: a list of {\"Name\", \"Value\"} with Domain (required) and Country (optional).");
        }
        var dimensions = new List<AlarmDimension>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var field = $"Dimensions[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FieldException(field, $"{field} must be an object {{\"Name\": ..., \"Value\": ...}}.");
            }
            var dimensionName = JsonFields.RequiredString(item, "Name", field + ".Name");
            var value = JsonFields.RequiredString(item, "Value", field + ".Value");
            if (dimensionName is not (AlarmDimension.Domain or AlarmDimension.Country))
            {
                throw new FieldException(field + ".Name", dimensionName == "ISP"
                    ? "The ISP dimension is not available yet: the minute tables are kept per domain and country only."
                    : $"Unknown dimension '{dimensionName}': use Domain (required) and Country (optional).");
            }
            if (dimensions.Any(d => d.Name == dimensionName))
            {
                throw new FieldException(field + ".Name", $"Dimension {dimensionName} is given twice.");
            }
            dimensions.Add(new AlarmDimension(dimensionName, value));
        }
        if (dimensions.All(d => d.Name != AlarmDimension.Domain))
        {
            throw new FieldException("Dimensions", "Dimensions must include Domain (the cs-host of the requests).");
        }
        return dimensions;
    }

    private static (AlarmStatistic? Statistic, string? Extended) Statistic(JsonElement body, AlarmMetric metric)
    {
        var statistic = Enum<AlarmStatistic>(body, "Statistic", required: false);
        var extended = JsonFields.OptionalString(body, "ExtendedStatistic");
        if (statistic is null == extended is null)
        {
            throw new FieldException(statistic is null ? "Statistic" : "ExtendedStatistic",
                "Give exactly one of Statistic (SampleCount, Average, Sum, Minimum, Maximum) and ExtendedStatistic (pNN).");
        }
        if (statistic is { } s && !metric.Supports(s))
        {
            throw new FieldException("Statistic", metric.Kind == MetricKind.Distribution
                ? $"{metric.Name} is a distribution: alarm on a percentile with ExtendedStatistic (p50, p99, p99.9) instead of Statistic."
                : $"Statistic {s} is not meaningful for {metric.Name} ({metric.Unit}, a ratio or rate): use Average, Minimum, Maximum or SampleCount.");
        }
        if (extended is not null)
        {
            if (!ExtendedStatistics.TryParse(extended, out _, out var problem))
            {
                throw new FieldException("ExtendedStatistic", problem!);
            }
            if (!metric.SupportsPercentiles)
            {
                throw new FieldException("ExtendedStatistic", $"{metric.Name} has no distribution to take percentiles of: ExtendedStatistic applies to "
                    + $"{string.Join(" and ", AlarmMetrics.DistributionNames)} (latency histograms). Use Statistic.");
            }
        }
        return (statistic, extended);
    }

    private static List<string> Actions(JsonElement body, string field)
    {
        if (!body.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException(field, $"{field} must be a list of subscription names.");
        }
        var actions = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemField = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 and <= 255 } action)
            {
                throw new FieldException(itemField, $"{itemField} must be a subscription name (1 to 255 characters).");
            }
            if (!actions.Contains(action))
            {
                actions.Add(action);
            }
        }
        if (actions.Count > MaxActions)
        {
            throw new FieldException(field, $"{field} may name at most {MaxActions} subscriptions.");
        }
        return actions;
    }

    private static TreatMissingData ParseTreatMissingData(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text switch
        {
            "missing" => TreatMissingData.Missing,
            "notBreaching" => TreatMissingData.NotBreaching,
            "breaching" => TreatMissingData.Breaching,
            "ignore" => TreatMissingData.Ignore,
            _ => throw new FieldException("TreatMissingData", "TreatMissingData must be one of missing, notBreaching, breaching, ignore."),
        };
    }

    private static TEnum? Enum<TEnum>(JsonElement body, string field, bool required) where TEnum : struct, Enum
    {
        var text = required ? JsonFields.RequiredString(body, field) : JsonFields.OptionalString(body, field);
        if (text is null)
        {
            return null;
        }
        // Names only: Enum.TryParse would also accept numbers and other casings.
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (value.ToString() == text)
            {
                return value;
            }
        }
        throw new FieldException(field, $"{field} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }
}
