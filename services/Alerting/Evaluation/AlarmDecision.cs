using CdnPulse.Alerting.Alarms;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// The result of one evaluation. <see cref="Evaluated"/> are the real datapoints that took part, oldest first;
/// <see cref="Filled"/> is how many missing datapoints had to be filled in (the second column of CloudWatch's tables).
/// </summary>
public sealed record AlarmDecision(
    AlarmStateValue State,
    EvaluationOutcome Outcome,
    IReadOnlyList<PeriodDatapoint> Evaluated,
    int Breaching,
    int Filled);
