namespace CdnPulse.Aggregation.Tests;

/// <summary>A load run, not a test: runs only with CDNPULSE_BENCHMARK=1 (in Release, see docs/benchmarks.md).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "CDNPULSE_BENCHMARK";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A benchmark: set {Variable}=1 and run in Release.";
        }
    }
}
