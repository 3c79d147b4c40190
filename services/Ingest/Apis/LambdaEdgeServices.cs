using CdnPulse.Ingest.LambdaEdge;
using CdnPulse.Ingest.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Apis;

/// <summary>What <c>POST /lambda-edge</c> needs, bound with [AsParameters].</summary>
internal sealed record LambdaEdgeServices([FromServices] LogBatchPublisher Publisher, [FromServices] IOptions<LambdaEdgeOptions> Options);
