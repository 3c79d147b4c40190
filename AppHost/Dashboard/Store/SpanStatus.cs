namespace CdnPulse.Dashboard.Store;

public enum SpanStatus
{
    Unset,
    Ok,
    Error,
}
