namespace CdnPulse.Alerting.Evaluation;

/// <summary>The datapoint of one period: its start, its value (null: missing) and how many per-minute samples it summarises.</summary>
public readonly record struct PeriodDatapoint(DateTimeOffset Start, double? Value, int SampleCount)
{
    public bool IsMissing => Value is null;

    public static PeriodDatapoint Missing(DateTimeOffset start) => new(start, null, 0);
}
