namespace CdnPulse.Dashboard.Tests;

/// <summary>
/// A measurement, not a test of behaviour: skipped unless CDNPULSE_LOAD_RUN=1, and meant for Release builds. Its
/// command and results are in docs/benchmarks.md.
/// </summary>
public sealed class LoadRunFactAttribute : FactAttribute
{
    public const string Variable = "CDNPULSE_LOAD_RUN";

    public LoadRunFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Load run: set {Variable}=1 and run in Release (docs/benchmarks.md).";
        }
    }
}
