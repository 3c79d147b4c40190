using CdnPulse.Ingest.Publishing;
using CdnPulse.Ingest.Transform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Apis;

/// <summary>What <c>POST /firehose/transform</c> needs, bound with [AsParameters].</summary>
internal sealed record TransformServices(
    [FromServices] FirehoseTransformer Transformer,
    [FromServices] IOptions<FirehoseTransformOptions> Options,
    [FromServices] IngestMetrics Metrics,
    [FromServices] RejectLog RejectLog);
