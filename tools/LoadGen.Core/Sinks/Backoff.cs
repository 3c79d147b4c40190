namespace CdnPulse.LoadGen.Sinks;

/// <summary>Exponential back-off with jitter between delivery attempts: 100 ms, 200 ms, … up to 5 s.</summary>
internal static class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    public static Task WaitAsync(int attempt, CancellationToken cancellationToken)
    {
        var exponential = First.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var jittered = Math.Min(exponential, Longest.TotalMilliseconds) * (0.5 + (Random.Shared.NextDouble() * 0.5));
        return Task.Delay(TimeSpan.FromMilliseconds(jittered), cancellationToken);
    }
}
