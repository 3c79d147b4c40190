using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using CdnPulse.Dashboard.Store;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CdnPulse.Dashboard.Tests;

/// <summary>The receiver against the real OpenTelemetry .NET exporters, over both OTLP transports.</summary>
public sealed class OtlpReceiverTests(DashboardHostFixture fixture) : IClassFixture<DashboardHostFixture>
{
    private DashboardHost Dashboard => fixture.Dashboard;

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Spans_logs_and_metrics_from_the_OpenTelemetry_exporter_arrive_in_the_store(OtlpExportProtocol protocol)
    {
        var service = $"interop-{protocol}".ToLowerInvariant();
        var resource = ResourceBuilder.CreateDefault().AddService(service);
        void Configure(OtlpExporterOptions o, string signal)
        {
            o.Protocol = protocol;
            o.Endpoint = new Uri(protocol == OtlpExportProtocol.Grpc ? Dashboard.OtlpGrpcEndpoint : $"{Dashboard.OtlpHttpEndpoint}/v1/{signal}");
            o.Headers = Dashboard.OtlpHeaders;
            o.ExportProcessorType = ExportProcessorType.Simple;
        }

        using var source = new ActivitySource(service);
        using var meter = new Meter(service);
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(service).AddOtlpExporter(o => Configure(o, "traces")).Build())
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(service).AddOtlpExporter(o => Configure(o, "metrics")).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, "logs"));
        })))
        {
            using (var parent = source.StartActivity("parent operation"))
            {
                traceId = parent!.TraceId.ToHexString();
                parent.SetTag("cdnpulse.batch.size", 17);
                using var child = source.StartActivity("child operation");
                child!.SetStatus(ActivityStatusCode.Error, "it broke");
                logging.CreateLogger("Interop.Category").LogWarning("Processed {Count} lines", 17);
            }
            meter.CreateCounter<long>("interop.lines").Add(5, new KeyValuePair<string, object?>("source", "test"));
            Assert.True(tracing.ForceFlush(10_000));
            Assert.True(metrics.ForceFlush(10_000));
        }

        var spans = Dashboard.Store.Spans.Trace(traceId);
        Assert.NotNull(spans);
        Assert.Equal(["parent operation", "child operation"], spans.Select(s => s.Name));
        Assert.All(spans, s => Assert.Equal(service, s.Service));
        Assert.Equal(spans[0].SpanId, spans[1].ParentSpanId);
        Assert.Equal("17", spans[0].Attribute("cdnpulse.batch.size"));
        Assert.Equal((SpanStatus.Error, "it broke"), (spans[1].Status, spans[1].StatusMessage));
        var log = Assert.Single(Dashboard.Store.FindLogs(new LogQuery(Resource: service)));
        Assert.Equal(("Warning", "Interop.Category", "Processed 17 lines", traceId, spans[1].SpanId), (log.Severity, log.Category, log.Message, log.TraceId, log.SpanId));
        var counter = Assert.Single(Dashboard.Store.Metrics.Series("interop.lines", service));
        Assert.Equal((MetricKind.Sum, "test", 5.0), (counter.Kind, counter.Attribute("source"), counter.Points[^1].Value));
    }

    [Fact]
    public async Task Http_export_without_the_otlp_key_is_refused_with_401_and_json_with_415()
    {
        using var http = new HttpClient();
        var body = OtlpRequests.Traces().ToByteArray();

        using var noKey = await http.PostAsync($"{Dashboard.OtlpHttpEndpoint}/v1/traces", Protobuf(body));
        using var json = await http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Post, $"{Dashboard.OtlpHttpEndpoint}/v1/traces")
        {
            Content = new StringContent("{}", new MediaTypeHeaderValue("application/json")),
        }));
        using var accepted = await http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Post, $"{Dashboard.OtlpHttpEndpoint}/v1/traces") { Content = Protobuf(body) }));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("application/x-protobuf", accepted.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Grpc_export_without_the_otlp_key_ends_with_status_unauthenticated_and_with_it_ok()
    {
        using var http = new HttpClient();
        var frame = Otlp.GrpcFrame.Encode(OtlpRequests.Logs().ToByteArray());

        using var refused = await http.SendAsync(Grpc(frame, withKey: false));
        using var accepted = await http.SendAsync(Grpc(frame, withKey: true));
        var answer = await accepted.Content.ReadAsByteArrayAsync();

        Assert.Equal("16", refused.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("0", accepted.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("application/grpc", accepted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, answer);
        Assert.Contains(Dashboard.Store.FindLogs(new LogQuery(Resource: "aggregation")), l => l.Message.StartsWith("Dropped 3 lines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_api_needs_the_key_and_the_login_form_hands_out_a_session_cookie_for_it()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(Dashboard.Url) };

        using var anonymous = await browser.GetAsync("/api/resources");
        using var page = await browser.GetAsync("/");
        using var wrong = await browser.PostAsync("/login", new FormUrlEncodedContent([new("apiKey", "not-the-key")]));
        using var stillAnonymous = await browser.GetAsync("/api/traces");
        using var login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("apiKey", fixture.ApiKey)]));
        using var signedIn = await browser.GetAsync("/api/resources");
        using var withHeader = new HttpClient { BaseAddress = new Uri(Dashboard.Url) };
        withHeader.DefaultRequestHeaders.Add("x-api-key", fixture.ApiKey);
        using var scripted = await withHeader.GetAsync("/api/traces");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/login"), (page.StatusCode, page.Headers.Location?.ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stillAnonymous.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (login.StatusCode, login.Headers.Location?.ToString()));
        Assert.DoesNotContain(fixture.ApiKey, string.Join(";", login.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scripted.StatusCode);
    }

    private HttpRequestMessage WithKey(HttpRequestMessage request)
    {
        var (name, value) = (Dashboard.OtlpHeaders!.Split('=', 2)[0], Dashboard.OtlpHeaders.Split('=', 2)[1]);
        request.Headers.Add(name, value);
        return request;
    }

    private HttpRequestMessage Grpc(byte[] frame, bool withKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Dashboard.OtlpGrpcEndpoint}{Apis.OtlpGrpcApi.LogsExport}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return withKey ? WithKey(request) : request;
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}
