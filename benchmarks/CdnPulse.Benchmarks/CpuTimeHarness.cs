using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace CdnPulse.Benchmarks;

/// <summary>
/// Runs the same [Benchmark] methods as BenchmarkDotNet but times them by the process's CPU time (getrusage, through
/// <see cref="Environment.CpuUsage"/>) instead of the wall clock. On a machine shared with other work, wall-clock
/// timings mostly measure waiting for a core; CPU time per line is what "lines per second per core" asks for.
/// Every method processes <see cref="BenchmarkData.LineCount"/> lines per call, single-threaded.
/// </summary>
internal static class CpuTimeHarness
{
    public const string Switch = "--cpu-time";

    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan SampleTime = TimeSpan.FromSeconds(0.5);
    private const int Samples = 7;

    public static void Run(string? filter)
    {
        Console.WriteLine($"CPU-time harness: {Samples} samples of >= {SampleTime.TotalSeconds} s CPU each after {Warmup.TotalSeconds} s warm-up; "
            + $"{Environment.ProcessorCount} cores, load average {LoadAverage()}.");
        Console.WriteLine();
        Console.WriteLine("| Benchmark | Format | ns/line (median) | min | max | Lines/s per core (median) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var type in typeof(CpuTimeHarness).Assembly.GetTypes().Where(HasBenchmarks).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var formatProperty = type.GetProperty("Format")!;
            foreach (var format in formatProperty.GetCustomAttribute<ParamsAttribute>()!.Values.Cast<LineFormat>())
            {
                var instance = Activator.CreateInstance(type)!;
                formatProperty.SetValue(instance, format);
                type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
                foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                {
                    var name = method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name;
                    if (filter is null || name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                    {
                        Measure(name, format, () => method.Invoke(instance, null));
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}.");
    }

    private static void Measure(string name, LineFormat format, Action call)
    {
        RunFor(Warmup, call);
        var perLine = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var (cpu, calls) = RunFor(SampleTime, call);
            perLine.Add(cpu.TotalNanoseconds / ((double)calls * BenchmarkData.LineCount));
        }

        perLine.Sort();
        var median = perLine[Samples / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {format} | {median:F1} | {perLine[0]:F1} | {perLine[^1]:F1} | {1e9 / median:N0} |"));
    }

    private static (TimeSpan Cpu, long Calls) RunFor(TimeSpan budget, Action call)
    {
        var start = Environment.CpuUsage.TotalTime;
        long calls = 0;
        TimeSpan used;
        do
        {
            call();
            calls++;
            used = Environment.CpuUsage.TotalTime - start;
        }
        while (used < budget);
        return (used, calls);
    }

    private static bool HasBenchmarks(Type type) => type.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
