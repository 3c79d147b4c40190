using System.IO.Compression;
using CdnPulse.Dashboard.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary>OTLP/HTTP with binary protobuf (<c>http/protobuf</c>): <c>POST /v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>, optionally gzip-encoded.</summary>
internal static class OtlpHttpApi
{
    public static RouteGroupBuilder MapOtlpHttpApi(this IEndpointRouteBuilder app, int port)
    {
        var group = app.MapGroup("/v1").RequireHost($"*:{port}");
        group.MapPost("/traces", ([AsParameters] OtlpServices services) => ExportAsync(OtlpSignal.Traces, services));
        group.MapPost("/logs", ([AsParameters] OtlpServices services) => ExportAsync(OtlpSignal.Logs, services));
        group.MapPost("/metrics", ([AsParameters] OtlpServices services) => ExportAsync(OtlpSignal.Metrics, services));
        return group;
    }

    private static async Task<Results<ProtobufResult, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ExportAsync(
        OtlpSignal signal, OtlpServices services)
    {
        var http = services.Http;
        if (!services.Auth.IsOtlpExporter(http))
        {
            DashboardLog.ExportRefused(services.Logger, signal.ToString(), "http", "missing or wrong x-otlp-api-key");
            return TypedResults.Unauthorized();
        }
        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), ProtobufResult.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            // OTLP/JSON spells ids in hex, which the protobuf JSON parser does not read; the exporters default to protobuf.
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            var encoding = http.Request.Headers.ContentEncoding.ToString();
            await using var body = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(http.Request.Body, CompressionMode.Decompress, leaveOpen: true)
                : http.Request.Body;
            var payload = await BodyReader.ReadBoundedAsync(body, OtlpReceiver.MaxMessageBytes, http.RequestAborted);
            services.Receiver.Accept(signal, payload);
            return new ProtobufResult(OtlpReceiver.Response(signal));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidDataException)
        {
            DashboardLog.ExportRefused(services.Logger, signal.ToString(), "http", ex.Message);
            return TypedResults.BadRequest(ex.Message);
        }
    }
}
