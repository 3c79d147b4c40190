namespace CdnPulse.Alerting.Evaluation;

/// <summary>CloudWatch's StateReason (human-readable, names the datapoints) and StateReasonData (the same as JSON).</summary>
public sealed record StateReason(string Text, string Data);
