using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Ingest.Firehose;
using CdnPulse.Ingest.Publishing;

namespace CdnPulse.Ingest.Apis;

/// <summary>
/// <c>POST /firehose</c>: an Amazon Data Firehose HTTP endpoint destination, per AWS's "HTTP endpoint delivery request
/// and response specifications" (protocol 1.0). Firehose counts only 200 as delivered, treats 413 as a permanent
/// failure (the batch is not retried and not sent to the error bucket) and retries every other status with back-off
/// until its retry duration ends, then backs the batch up to S3. So: 200 when every good line is published (bad
/// lines are counted, not fatal) or the request id was delivered before; 401 for a wrong key (retried: the key can be
/// corrected on the stream meanwhile); 400 for a body or protocol we cannot read (retried, then it lands in the error
/// bucket, nothing lost silently); 413 only for a body over the size limit; 503 when publishing failed (retried).
/// </summary>
public static class FirehoseApi
{
    public const string AccessKeyHeader = "X-Amz-Firehose-Access-Key";
    public const string RequestIdHeader = "X-Amz-Firehose-Request-Id";
    public const string ProtocolVersionHeader = "X-Amz-Firehose-Protocol-Version";
    public const string ProtocolVersion = "1.0";
    public const string Source = "firehose";
    private const int MaxRequestIdLength = 512;

    public static RouteHandlerBuilder MapFirehoseApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/firehose", HandleAsync).DisableAntiforgery();

    internal static async Task<IResult> HandleAsync(HttpContext http, [AsParameters] FirehoseServices services, CancellationToken cancellationToken)
    {
        var headerRequestId = http.Request.Headers[RequestIdHeader].ToString();
        if (!services.AccessKey.IsValid(http.Request.Headers[AccessKeyHeader].ToString()))
        {
            return Refuse(services, headerRequestId, StatusCodes.Status401Unauthorized, "Missing or invalid X-Amz-Firehose-Access-Key.");
        }
        var protocol = http.Request.Headers[ProtocolVersionHeader].ToString();
        if (protocol != ProtocolVersion)
        {
            return Refuse(services, headerRequestId, StatusCodes.Status400BadRequest,
                $"{ProtocolVersionHeader} must be {ProtocolVersion} (got '{JsonRequestBody.Truncate(protocol, 40)}').");
        }

        var body = await JsonRequestBody.ReadAsync(http, services.Options.Value.MaxBodyBytes, IngestJsonContext.Default.FirehoseRequest, cancellationToken);
        if (!body.IsOk)
        {
            return Refuse(services, headerRequestId, body.StatusCode, body.Error!);
        }
        var request = body.Value!;
        var requestId = string.IsNullOrEmpty(request.RequestId) ? headerRequestId : request.RequestId;
        if (request.Records is null || string.IsNullOrEmpty(requestId) || requestId.Length > MaxRequestIdLength)
        {
            return Refuse(services, requestId ?? "", StatusCodes.Status400BadRequest, "Body must have a requestId (at most 512 characters) and a records array.");
        }
        if (headerRequestId.Length > 0 && headerRequestId != requestId)
        {
            return Refuse(services, requestId, StatusCodes.Status400BadRequest, $"The body's requestId differs from {RequestIdHeader}.");
        }

        using var activity = IngestMetrics.ActivitySource.StartActivity("firehose delivery");
        activity?.SetTag("cdnpulse.firehose.request_id", requestId);
        activity?.SetTag("cdnpulse.firehose.records", request.Records.Count);
        try
        {
            if (await services.Ledger.WasDeliveredAsync(requestId, cancellationToken))
            {
                services.Metrics.DuplicateDelivery();
                FirehoseLog.Duplicate(services.Logger, requestId);
                return Reply(requestId, StatusCodes.Status200OK, null);
            }
            var accepted = new List<CdnRequest>(request.Records.Count);
            var rejects = new RejectCounter();
            var position = 0;
            foreach (var record in request.Records)
            {
                FirehoseRecordReader.Parse(record.Data, ++position, services.Parser, accepted, rejects);
            }
            await services.Publisher.PublishAsync(Source, $"{Source}:{requestId}", accepted, rejects, cancellationToken);
            activity?.SetTag("cdnpulse.lines.accepted", accepted.Count);
            activity?.SetTag("cdnpulse.lines.rejected", rejects.Total);
            await RememberAsync(services, requestId, accepted.Count, rejects.Total, cancellationToken);
            FirehoseLog.Delivered(services.Logger, requestId, StatusCodes.Status200OK, accepted.Count, rejects.Total);
            return Reply(requestId, StatusCodes.Status200OK, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            FirehoseLog.Failed(services.Logger, ex, requestId);
            return Reply(requestId, StatusCodes.Status503ServiceUnavailable, "Could not publish the records; retry.");
        }
    }

    private static async Task RememberAsync(FirehoseServices services, string requestId, int accepted, int rejected, CancellationToken cancellationToken)
    {
        try
        {
            await services.Ledger.RecordAsync(requestId, accepted, rejected, cancellationToken);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // Published already: a retry publishes the same batch ids again, which downstream drops.
            FirehoseLog.NotRecorded(services.Logger, ex, requestId);
        }
    }

    private static IResult Refuse(FirehoseServices services, string requestId, int status, string error)
    {
        FirehoseLog.Refused(services.Logger, requestId, status, error);
        return Reply(requestId, status, error);
    }

    private static JsonBytesResult Reply(string requestId, int status, string? error) =>
        JsonBytesResult.Create(new FirehoseResponse(requestId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), error),
            IngestJsonContext.Default.FirehoseResponse, status);
}
