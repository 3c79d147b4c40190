using CdnPulse.Alerting.Alarms;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>The part of an alarm's definition that decides its state from datapoints.</summary>
public sealed record AlarmRule(
    double Threshold,
    ComparisonOperator ComparisonOperator,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    TreatMissingData TreatMissingData)
{
    /// <summary>
    /// How many of the most recent periods an evaluation retrieves: more than EvaluationPeriods, so that late or
    /// missing recent datapoints can be replaced by older real ones. CloudWatch does not publish its exact size; its
    /// documented examples retrieve 5 for 3 evaluation periods, and we use EvaluationPeriods + 2 throughout.
    /// </summary>
    public int EvaluationRange => EvaluationPeriods + 2;

    public static AlarmRule Of(AlarmDefinition definition) => new(definition.Threshold, definition.ComparisonOperator,
        definition.EvaluationPeriods, definition.DatapointsToAlarm, definition.TreatMissingData);

    public bool IsBreaching(double value) => ComparisonOperator switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => value >= Threshold,
        ComparisonOperator.GreaterThanThreshold => value > Threshold,
        ComparisonOperator.LessThanThreshold => value < Threshold,
        ComparisonOperator.LessThanOrEqualToThreshold => value <= Threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(ComparisonOperator), ComparisonOperator, null),
    };
}
