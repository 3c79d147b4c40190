using CdnPulse.Dashboard.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary>
/// OTLP/gRPC: the unary <c>Export</c> method of TraceService, LogsService and MetricsService, served on an
/// HTTP/2-only (prior-knowledge cleartext) listener. A hand-written handler, because Grpc.AspNetCore does not restore
/// here and a unary call is one length-prefixed message each way plus status trailers.
/// </summary>
internal static class OtlpGrpcApi
{
    public const string TraceExport = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string LogsExport = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
    public const string MetricsExport = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    public static RouteGroupBuilder MapOtlpGrpcApi(this IEndpointRouteBuilder app, int port)
    {
        var group = app.MapGroup("").RequireHost($"*:{port}");
        group.MapPost(TraceExport, ([AsParameters] OtlpServices services) => ExportAsync(OtlpSignal.Traces, services));
        group.MapPost(LogsExport, ([AsParameters] OtlpServices services) => ExportAsync(OtlpSignal.Logs, services));
        group.MapPost(MetricsExport, ([AsParameters] OtlpServices services) => ExportAsync(OtlpSignal.Metrics, services));
        return group;
    }

    private static async Task<GrpcResult> ExportAsync(OtlpSignal signal, OtlpServices services)
    {
        var http = services.Http;
        if (!services.Auth.IsOtlpExporter(http))
        {
            DashboardLog.ExportRefused(services.Logger, signal.ToString(), "grpc", "missing or wrong x-otlp-api-key");
            return GrpcResult.Failure(GrpcResult.Unauthenticated, "missing or wrong x-otlp-api-key");
        }
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            return GrpcResult.Failure(GrpcResult.Unimplemented, $"content-type '{http.Request.ContentType}' is not application/grpc");
        }
        try
        {
            // The frame header's length is checked against what arrives; the read itself is bounded by the largest message plus its header.
            var body = await BodyReader.ReadBoundedAsync(http.Request.Body, OtlpReceiver.MaxMessageBytes + GrpcFrame.HeaderLength, http.RequestAborted);
            var message = GrpcFrame.Decode(body, http.Request.Headers["grpc-encoding"].ToString(), OtlpReceiver.MaxMessageBytes);
            services.Receiver.Accept(signal, message);
            return GrpcResult.Success(OtlpReceiver.Response(signal));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidDataException)
        {
            DashboardLog.ExportRefused(services.Logger, signal.ToString(), "grpc", ex.Message);
            return GrpcResult.Failure(GrpcResult.InvalidArgument, ex.Message);
        }
    }
}
