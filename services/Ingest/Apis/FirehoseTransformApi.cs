using CdnPulse.CdnLogs;
using CdnPulse.Ingest.Transform;
using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.Ingest.Apis;

/// <summary>
/// <c>POST /firehose/transform</c> (x-api-key): the Firehose data-transformation contract over HTTP, for a relay
/// Lambda or any caller. 200 with one output record per input record (see <see cref="FirehoseTransformer"/>);
/// 400 for a body that is not a transformation event; 413 over the size limit.
/// </summary>
public static class FirehoseTransformApi
{
    public static RouteGroupBuilder MapFirehoseTransformApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/firehose/transform").RequireApiKeyScope(ApiKeyScopes.Ingest);
        group.MapPost("/", HandleAsync).DisableAntiforgery();
        return group;
    }

    internal static async Task<IResult> HandleAsync(HttpContext http, [AsParameters] TransformServices services, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(http, services.Options.Value.MaxBodyBytes,
            IngestJsonContext.Default.FirehoseTransformationEvent, cancellationToken);
        if (!body.IsOk)
        {
            return TypedResults.Json(new { message = body.Error }, statusCode: body.StatusCode);
        }
        if (body.Value!.Records is null)
        {
            return TypedResults.Json(new { message = "The event has no records array." }, statusCode: StatusCodes.Status400BadRequest);
        }
        var rejects = new RejectCounter();
        var result = services.Transformer.Transform(body.Value, rejects);
        foreach (var group in result.Records.GroupBy(r => r.Result, StringComparer.Ordinal))
        {
            services.Metrics.Transformed(group.Key, group.Count());
        }
        if (rejects.Total > 0)
        {
            services.Metrics.Rejected("transform", rejects);
            services.RejectLog.Record($"transform:{body.Value.InvocationId}", rejects);
        }
        return JsonBytesResult.Create(result, IngestJsonContext.Default.FirehoseTransformationResult, StatusCodes.Status200OK);
    }
}
