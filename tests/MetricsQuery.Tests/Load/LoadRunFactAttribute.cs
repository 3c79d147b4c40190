namespace CdnPulse.MetricsQuery.Tests.Load;

/// <summary>
/// A load run, not a test: it runs only when CDNPULSE_LOAD_RUN=1 (in Release, see docs/benchmarks.md) and reports
/// numbers instead of asserting on timings.
/// </summary>
public sealed class LoadRunFactAttribute : FactAttribute
{
    public const string Variable = "CDNPULSE_LOAD_RUN";

    public LoadRunFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A load run: set {Variable}=1 and build in Release (docs/benchmarks.md).";
        }
        Timeout = 0;
    }
}
