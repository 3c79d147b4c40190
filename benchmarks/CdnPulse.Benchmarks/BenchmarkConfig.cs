using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CdnPulse.Benchmarks;

/// <summary>
/// In-process runs (no generated project to build, so the repository's central package management and analyzers
/// stay out of the way), memory diagnostics, and a lines-per-second column next to the per-line time.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new LinesPerSecondColumn());
        WithOptions(ConfigOptions.JoinSummary);
    }
}
