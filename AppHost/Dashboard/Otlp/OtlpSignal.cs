namespace CdnPulse.Dashboard.Otlp;

public enum OtlpSignal
{
    Traces,
    Logs,
    Metrics,
}
