namespace CdnPulse.Enrichment.Tests.IpData;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the deadline.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeoutSeconds} s waiting for: {what}");
            await Task.Delay(25);
        }
    }
}
