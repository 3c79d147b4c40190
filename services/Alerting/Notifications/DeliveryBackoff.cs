namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// Exponential backoff with jitter: after failed attempt n the wait is min(max, initial × 2^(n−1)), of which a random
/// part of up to half is taken off ("equal jitter"), so receivers that recover are not hit by every sender at once.
/// </summary>
public static class DeliveryBackoff
{
    /// <param name="failedAttempt">The attempt that just failed (1 = the first).</param>
    /// <param name="initial">The wait after the first failure.</param>
    /// <param name="max">The longest wait before jitter.</param>
    /// <param name="random">A uniform random number in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempt, TimeSpan initial, TimeSpan max, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ceiling = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceiling / 2 + (ceiling / 2 * random)));
    }
}
