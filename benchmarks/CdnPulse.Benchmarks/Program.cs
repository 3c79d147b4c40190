using BenchmarkDotNet.Running;
using CdnPulse.Benchmarks;

// --cpu-time [filter]: the same benchmarks timed by CPU time (see CpuTimeHarness); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == CpuTimeHarness.Switch)
{
    CpuTimeHarness.Run(args.Length > 1 ? args[1] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
