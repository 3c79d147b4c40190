namespace CdnPulse.Alerting.Alarms;

/// <summary>An alarm as the <c>alerting-alarms</c> projection holds it: configuration, state and stream version.</summary>
public sealed record AlarmRow(
    string AlarmName,
    string StreamId,
    long Version,
    bool Deleted,
    AlarmDefinition Definition,
    AlarmStateValue State,
    string StateReason,
    string? StateReasonData,
    DateTimeOffset StateUpdatedAt,
    DateTimeOffset ConfigurationUpdatedAt);
