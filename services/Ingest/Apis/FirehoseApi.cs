using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Ingest.Publishing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Apis;

/// <summary>
/// <c>POST /firehose</c>: an Amazon Data Firehose HTTP endpoint destination, per AWS's "HTTP endpoint delivery request
/// and response specifications". 200 means every good line is published (bad lines are counted, not fatal);
/// 401/400/413 are answered for requests Firehose should not resend as they are; 503 when publishing failed, so
/// Firehose retries. A retried request id gives the same batch ids, which downstream counts once.
/// </summary>
public static class FirehoseApi
{
    public const string AccessKeyHeader = "X-Amz-Firehose-Access-Key";
    public const string RequestIdHeader = "X-Amz-Firehose-Request-Id";

    public static RouteHandlerBuilder MapFirehoseApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/firehose", HandleAsync).DisableAntiforgery();

    internal static async Task<IResult> HandleAsync(
        HttpContext http,
        [FromServices] FirehoseAccessKey accessKey,
        [FromServices] IOptions<FirehoseOptions> options,
        [FromServices] RealtimeLogParser parser,
        [FromServices] LogBatchPublisher publisher,
        CancellationToken cancellationToken)
    {
        var headerRequestId = http.Request.Headers[RequestIdHeader].ToString();
        if (!accessKey.IsValid(http.Request.Headers[AccessKeyHeader].ToString()))
        {
            return Reply(headerRequestId, StatusCodes.Status401Unauthorized, "Missing or invalid X-Amz-Firehose-Access-Key.");
        }
        var limit = options.Value.MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }
        if (http.Request.ContentLength > limit)
        {
            return Reply(headerRequestId, StatusCodes.Status413PayloadTooLarge, $"Body is larger than {limit} bytes.");
        }

        FirehoseRequest? request;
        try
        {
            var gzip = string.Equals(http.Request.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase);
            await using var gunzip = gzip ? new GZipStream(http.Request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
            var limited = new LengthLimitedStream((Stream?)gunzip ?? http.Request.Body, limit);
            request = await JsonSerializer.DeserializeAsync<FirehoseRequest>(limited, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return Reply(headerRequestId, StatusCodes.Status413PayloadTooLarge, $"Body is larger than {limit} bytes after decompression.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Reply(headerRequestId, StatusCodes.Status413PayloadTooLarge, $"Body is larger than {limit} bytes.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            return Reply(headerRequestId, StatusCodes.Status400BadRequest, "Body is not a Firehose request: " + ex.Message);
        }
        var requestId = string.IsNullOrEmpty(request?.RequestId) ? headerRequestId : request.RequestId;
        if (request?.Records is null || string.IsNullOrEmpty(requestId))
        {
            return Reply(requestId, StatusCodes.Status400BadRequest, "Body must have a requestId and a records array.");
        }

        using var activity = IngestMetrics.ActivitySource.StartActivity("firehose delivery");
        activity?.SetTag("cdnpulse.firehose.request_id", requestId);
        activity?.SetTag("cdnpulse.firehose.records", request.Records.Count);

        var accepted = new List<CdnRequest>(request.Records.Count);
        var rejects = new RejectCounter();
        foreach (var record in request.Records)
        {
            ParseRecord(record.Data, parser, accepted, rejects);
        }
        try
        {
            await publisher.PublishAsync("firehose", $"firehose:{requestId}", accepted, rejects, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Reply(requestId, StatusCodes.Status503ServiceUnavailable, "Could not publish the batch; retry.");
        }
        activity?.SetTag("cdnpulse.lines.accepted", accepted.Count);
        activity?.SetTag("cdnpulse.lines.rejected", rejects.Total);
        return Reply(requestId, StatusCodes.Status200OK, null);
    }

    private static void ParseRecord(string? base64, RealtimeLogParser parser, List<CdnRequest> accepted, RejectCounter rejects)
    {
        if (string.IsNullOrEmpty(base64))
        {
            rejects.Add(LineRejectReason.Empty, 0, []);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(base64.Length * 3 / 4 + 3);
        try
        {
            if (Convert.TryFromBase64String(base64, buffer, out var written))
            {
                parser.ParseBatch(buffer.AsSpan(0, written), accepted, rejects);
            }
            else
            {
                rejects.Add(LineRejectReason.BadEncoding, 0, []);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult Reply(string requestId, int status, string? error) =>
        TypedResults.Json(new FirehoseResponse(requestId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), error), statusCode: status);
}
