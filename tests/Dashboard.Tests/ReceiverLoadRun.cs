using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CdnPulse.Dashboard.Otlp;
using CdnPulse.Hosting;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;
using Xunit.Abstractions;

namespace CdnPulse.Dashboard.Tests;

/// <summary>
/// How fast the dashboard's receiver takes spans over each transport (export requests of 512 spans, the .NET
/// exporter's batch size, two senders at a time), and how long a trace search and a waterfall take on a full store.
/// </summary>
public sealed class ReceiverLoadRun(ITestOutputHelper output)
{
    private const int SpansPerRequest = 512;
    private const int Requests = 200;
    private const int Senders = 2;

    [LoadRunFact]
    public async Task Measures_span_intake_per_transport_and_search_latency_on_a_full_store()
    {
        var apiKey = Secrets.NewApiKey();
        await using var dashboard = await DashboardHost.StartAsync(new DashboardOptions { ApiKey = apiKey, OtlpApiKey = Secrets.NewApiKey(), UseStandardPorts = false }, CancellationToken.None);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var bodies = Enumerable.Range(0, Requests).Select(i => Request(i).ToByteArray()).ToList();
        var header = dashboard.OtlpHeaders!.Split('=', 2);
        using var http = new HttpClient();

        foreach (var transport in new[] { "grpc", "http/protobuf" })
        {
            await SendAllAsync(transport, bodies.Take(10).ToList());
            var clock = Stopwatch.StartNew();
            await SendAllAsync(transport, bodies);
            var seconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"{transport}: {Requests * SpansPerRequest} spans in {seconds:0.00} s = {Requests * SpansPerRequest / seconds:0} spans/s ({Requests / seconds:0} requests/s)");
        }
        Assert.Equal(dashboard.Store.Spans.Capacity, dashboard.Store.Spans.Count);

        bodies.Clear();
        var full = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed heap growth with a full store (10,000 spans): {(full - baseline) / 1048576.0:0.0} MiB");

        using var api = new HttpClient { BaseAddress = new Uri(dashboard.Url) };
        api.DefaultRequestHeaders.Add("x-api-key", apiKey);
        var traceId = dashboard.Store.Spans.Find(new Store.TraceQuery(Limit: 1))[0].TraceId;
        foreach (var (name, path) in new[] { ("list (newest 100)", "/api/traces"), ("text search", "/api/traces?search=shard-3&errors=true"), ("waterfall", $"/api/traces/{traceId}") })
        {
            var times = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await api.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times = [.. times.Skip(10).Order()];
            output.WriteLine($"{name}: p50 {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms");
        }

        async Task SendAllAsync(string transport, IReadOnlyList<byte[]> all)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < all.Count)
                {
                    using var request = transport == "grpc" ? Grpc(all[i]) : Protobuf(all[i]);
                    request.Headers.Add(header[0], header[1]);
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }));
        }

        HttpRequestMessage Grpc(byte[] body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{dashboard.OtlpGrpcEndpoint}{Apis.OtlpGrpcApi.TraceExport}")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(GrpcFrame.Encode(body)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            return request;
        }

        HttpRequestMessage Protobuf(byte[] body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{dashboard.OtlpHttpEndpoint}/v1/traces") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ProtobufResult.ContentType);
            return request;
        }
    }

    /// <summary>512 spans in 64 traces of 8 (a root and its children), each with the attributes a CdnPulse span carries.</summary>
    private static ExportTraceServiceRequest Request(int index)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "CdnPulse.Ingest" } };
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        for (var t = 0; t < SpansPerRequest / 8; t++)
        {
            var traceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray());
            var root = ByteString.CopyFrom(BitConverter.GetBytes(((long)index << 32) | ((long)t << 8) | 1));
            for (var s = 0; s < 8; s++)
            {
                scope.Spans.Add(new Span
                {
                    TraceId = traceId,
                    SpanId = s == 0 ? root : ByteString.CopyFrom(BitConverter.GetBytes(((long)index << 32) | ((long)t << 8) | (long)(s + 1))),
                    ParentSpanId = s == 0 ? ByteString.Empty : root,
                    Name = s == 0 ? "kinesis batch" : "eventstore.append",
                    Kind = Span.Types.SpanKind.Internal,
                    StartTimeUnixNano = start + (ulong)(s * 1_000_000),
                    EndTimeUnixNano = start + (ulong)((s + 1) * 3_000_000),
                    Status = new Status { Code = t % 10 == 0 ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
                    Attributes =
                    {
                        OtlpRequests.Text("aws.kinesis.shard_id", $"shard-{t % 4}"),
                        OtlpRequests.Number("cdnpulse.kinesis.records", 500),
                        OtlpRequests.Text("eventstore.stream_id", $"window:site{t}.example.com:2026-11-21T00:{s:00}"),
                        OtlpRequests.Text("db.system.name", "postgresql"),
                    },
                });
            }
        }
        return new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { Resource = OtlpRequests.Service("ingest"), ScopeSpans = { scope } } } };
    }
}
