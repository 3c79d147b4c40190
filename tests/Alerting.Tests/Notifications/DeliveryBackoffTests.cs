using CdnPulse.Alerting.Notifications;

namespace CdnPulse.Alerting.Tests.Notifications;

public sealed class DeliveryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(2, 1.0, 2.0)]
    [InlineData(3, 2.0, 4.0)]
    [InlineData(6, 16.0, 32.0)]
    [InlineData(10, 150.0, 300.0)]
    [InlineData(40, 150.0, 300.0)]
    public void Doubles_per_failure_up_to_the_cap_with_up_to_half_taken_off(int failedAttempt, double lowest, double highest)
    {
        Assert.Equal(lowest, DeliveryBackoff.Delay(failedAttempt, Initial, Max, 0).TotalSeconds, 6);
        Assert.Equal(highest, DeliveryBackoff.Delay(failedAttempt, Initial, Max, 0.999999999).TotalSeconds, 3);
        var middle = DeliveryBackoff.Delay(failedAttempt, Initial, Max, 0.5).TotalSeconds;
        Assert.InRange(middle, lowest, highest);
    }
}
