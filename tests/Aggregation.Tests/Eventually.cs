namespace CdnPulse.Aggregation.Tests;

/// <summary>Polls a condition until it holds or a deadline passes; never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, Func<T, string> describe,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {within.TotalSeconds:0} s: {describe(value)}");
            }
            await Task.Delay(200, cancellationToken);
        }
    }
}
