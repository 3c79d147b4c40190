namespace CdnPulse.Ingest.Tests;

/// <summary>Bounded polling: a condition gets a deadline, never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {what}.{(diagnostics is null ? "" : Environment.NewLine + diagnostics())}");
            }
            await Task.Delay(100);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan timeout, Func<string>? diagnostics = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, diagnostics);
}
