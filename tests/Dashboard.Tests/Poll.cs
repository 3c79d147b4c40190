namespace CdnPulse.Dashboard.Tests;

/// <summary>Bounded waits: poll a condition until it holds or the deadline passes.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0} s waiting for {what}.");
            }
            await Task.Delay(250);
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : struct =>
        (await UntilAsync(async () => await probe() is { } value ? new Box<T>(value) : null, timeout, what)).Value;

    private sealed record Box<T>(T Value);
}
