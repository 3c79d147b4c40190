using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CdnPulse.Alerting;

/// <summary>
/// The <c>CdnPulse.Alerting</c> meter (alarm evaluations and state changes, webhook deliveries and failures) and
/// activity source (one span per webhook attempt, so a delivery is a trace of its own with its HTTP call beneath).
/// </summary>
internal sealed class AlertingTelemetry : IDisposable
{
    public const string Name = "CdnPulse.Alerting";

    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _stateChanges;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _failures;

    public AlertingTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _evaluations = meter.CreateCounter<long>("cdnpulse.alerting.alarm.evaluations", "{alarm}", "Alarms evaluated (one per alarm per pass).");
        _stateChanges = meter.CreateCounter<long>("cdnpulse.alerting.alarm.state_changes", "{change}", "Alarm state changes recorded, by new state.");
        _deliveries = meter.CreateCounter<long>("cdnpulse.alerting.webhook.deliveries", "{delivery}", "Webhook notifications delivered (2xx).");
        _failures = meter.CreateCounter<long>("cdnpulse.alerting.webhook.failures", "{attempt}",
            "Webhook attempts that failed, by outcome: retry (another attempt is scheduled) or dead (dead-lettered).");
    }

    public ActivitySource Source { get; } = new(Name);

    public void Evaluated(int alarms) => _evaluations.Add(alarms);

    public void StateChanged(string state) => _stateChanges.Add(1, new KeyValuePair<string, object?>("cdnpulse.alarm.state", state));

    public void Delivered() => _deliveries.Add(1);

    public void DeliveryFailed(bool dead) => _failures.Add(1, new KeyValuePair<string, object?>("cdnpulse.webhook.outcome", dead ? "dead" : "retry"));

    public void Dispose() => Source.Dispose();
}
