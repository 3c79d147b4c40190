using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CdnPulse.ServiceDefaults.Tests;

public sealed class BackgroundSpanFilterTests : IDisposable
{
    private const string WorkSource = "CdnPulse.Tests.Work";
    private readonly List<string> _exported = [];
    private readonly ActivitySource _npgsql = new("Npgsql");
    private readonly ActivitySource _kinesis = new("CdnPulse.Kinesis");
    private readonly ActivitySource _work = new(WorkSource);
    private readonly TracerProvider _provider;

    public BackgroundSpanFilterTests()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Npgsql", "CdnPulse.Kinesis", WorkSource)
            .AddProcessor(new BackgroundSpanFilter())
            .AddProcessor(new SimpleActivityExportProcessor(new ListExporter(_exported)))
            .Build()!;
    }

    [Fact]
    public void A_database_or_Kinesis_call_that_starts_its_own_trace_is_not_exported()
    {
        _npgsql.StartActivity("select from leases", ActivityKind.Client)!.Dispose();
        _kinesis.StartActivity("Kinesis.GetRecords", ActivityKind.Client)!.Dispose();

        Assert.Empty(_exported);
    }

    [Fact]
    public void The_same_calls_inside_a_trace_are_exported_with_it()
    {
        using (var batch = _work.StartActivity("kinesis batch"))
        {
            _npgsql.StartActivity("checkpoint", ActivityKind.Client)!.Dispose();
            _kinesis.StartActivity("Kinesis.GetRecords", ActivityKind.Client)!.Dispose();
        }

        Assert.Equal(["checkpoint", "Kinesis.GetRecords", "kinesis batch"], _exported);
    }

    [Fact]
    public void A_call_continuing_a_callers_trace_is_exported()
    {
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        _npgsql.StartActivity("select", ActivityKind.Client, caller)!.Dispose();

        Assert.Equal(["select"], _exported);
    }

    [Fact]
    public void Spans_of_other_sources_that_start_a_trace_are_exported()
    {
        _work.StartActivity("publish log batch")!.Dispose();

        Assert.Equal(["publish log batch"], _exported);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _npgsql.Dispose();
        _kinesis.Dispose();
        _work.Dispose();
    }

    private sealed class ListExporter(List<string> names) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                lock (names)
                {
                    names.Add(activity.DisplayName);
                }
            }
            return ExportResult.Success;
        }
    }
}
