namespace CdnPulse.Alerting.Tests;

/// <summary>A clock that says what the test sets (timers still run in real time).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
