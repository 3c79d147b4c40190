namespace CdnPulse.Alerting;

/// <summary>How alarms are evaluated (section "Alerting").</summary>
public sealed class AlertingOptions
{
    public const string SectionName = "Alerting";

    /// <summary>
    /// How often every alarm is evaluated without a window update, so that missing data is noticed. Periods move by
    /// whole minutes, so the timer fires on minute boundaries (plus <see cref="TimerDelay"/>) at this interval.
    /// </summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a minute boundary the timer fires: the minute that just ended gets this long for its last lines.</summary>
    public TimeSpan TimerDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for the minute tables to include a window update before its alarms are evaluated anyway.</summary>
    public TimeSpan ProjectionWait { get; set; } = TimeSpan.FromSeconds(10);

    internal string? Validate() =>
        TimerInterval < TimeSpan.FromMinutes(1) || TimerInterval.Ticks % TimeSpan.TicksPerMinute != 0
            ? $"{SectionName}:TimerInterval must be a whole number of minutes (is {TimerInterval})."
        : TimerDelay < TimeSpan.Zero || TimerDelay >= TimeSpan.FromMinutes(1)
            ? $"{SectionName}:TimerDelay must be between 0 and 1 minute (is {TimerDelay})."
        : ProjectionWait <= TimeSpan.Zero
            ? $"{SectionName}:ProjectionWait must be positive (is {ProjectionWait})."
        : null;
}
