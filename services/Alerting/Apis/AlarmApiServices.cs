using CdnPulse.Alerting.Alarms;

namespace CdnPulse.Alerting.Apis;

/// <summary>What the alarm endpoints use, bound with [AsParameters].</summary>
internal sealed record AlarmApiServices(AlarmCommands Commands, AlarmReadModel Alarms, AlarmHistoryReadModel History);
