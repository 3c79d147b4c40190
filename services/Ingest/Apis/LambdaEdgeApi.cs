using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Ingest.LambdaEdge;
using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.Ingest.Apis;

/// <summary>
/// <c>POST /lambda-edge</c> (x-api-key): JSON records from a Lambda@Edge function (<see cref="LambdaEdgeRecordParser"/>),
/// plain or gzip. 200 with the batch id and counts once the good records are published (bad ones are counted with
/// their reason); 400 for a body that holds no record array; 413 over the size limit; 503 when publishing failed
/// (send again: the batch id is the same, so nothing is counted twice).
/// </summary>
public static class LambdaEdgeApi
{
    public static RouteGroupBuilder MapLambdaEdgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/lambda-edge").RequireApiKeyScope(ApiKeyScopes.Ingest);
        group.MapPost("/", HandleAsync).DisableAntiforgery();
        return group;
    }

    internal static async Task<IResult> HandleAsync(HttpContext http, [AsParameters] LambdaEdgeServices services, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(http, services.Options.Value.MaxBodyBytes, IngestJsonContext.Default.JsonDocument, cancellationToken);
        if (!body.IsOk)
        {
            return Reply(new LambdaEdgeResponse(null, 0, 0, body.Error), body.StatusCode);
        }
        using var document = body.Value!;
        var accepted = new List<CdnRequest>();
        var rejects = new RejectCounter();
        if (!LambdaEdgeBatch.TryRead(document.RootElement, accepted, rejects, out var batchId))
        {
            return Reply(new LambdaEdgeResponse(null, 0, 0, "Body must be {\"records\":[…]} or an array of records."), StatusCodes.Status400BadRequest);
        }
        try
        {
            await services.Publisher.PublishAsync(LambdaEdgeBatch.Source, batchId, accepted, rejects, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Reply(new LambdaEdgeResponse(batchId, 0, 0, "Could not publish the records; send them again."), StatusCodes.Status503ServiceUnavailable);
        }
        return Reply(new LambdaEdgeResponse(batchId, accepted.Count, rejects.Total), StatusCodes.Status200OK);
    }

    private static JsonBytesResult Reply(LambdaEdgeResponse response, int status) =>
        JsonBytesResult.Create(response, IngestJsonContext.Default.LambdaEdgeResponse, status);
}
