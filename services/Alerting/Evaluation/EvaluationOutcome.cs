namespace CdnPulse.Alerting.Evaluation;

/// <summary>Which rule of the evaluation decided the state; <see cref="StateReasonWriter"/> words each one.</summary>
public enum EvaluationOutcome
{
    /// <summary>Enough real datapoints: the most recent EvaluationPeriods of them were compared.</summary>
    Compared,

    /// <summary>Too few real datapoints: the missing ones were filled as breaching or not breaching.</summary>
    Filled,

    /// <summary>treat missing = missing/ignore, and the real datapoints decide without the missing ones.</summary>
    RealDatapointsOnly,

    /// <summary>treat missing = missing: only breaching datapoints, the oldest at least DatapointsToAlarm periods old.</summary>
    OldestBreachingOldEnough,

    /// <summary>treat missing = missing: the real datapoints cannot decide.</summary>
    Insufficient,

    /// <summary>treat missing = ignore: the real datapoints cannot decide, so the state is kept.</summary>
    Retained,
}
