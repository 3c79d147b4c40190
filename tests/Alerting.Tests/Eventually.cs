namespace CdnPulse.Alerting.Tests;

/// <summary>Bounded polling: a condition gets a deadline, never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan timeout, Func<string>? diagnostics = null) where T : class
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
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.{(diagnostics is null ? "" : " " + diagnostics())}");
            }
            await Task.Delay(50);
        }
    }

    public static async Task<T> ReturnsValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan timeout, Func<string>? diagnostics = null) where T : struct =>
        (await ReturnsAsync(async () => await probe() is { } value ? new[] { value } : null, what, timeout, diagnostics))[0];

    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, Func<string>? diagnostics = null) =>
        ReturnsAsync(async () => await condition() ? "yes" : null, what, timeout, diagnostics);
}
