using CdnPulse.CdnLogs;
using CdnPulse.Ingest.Firehose;
using CdnPulse.Ingest.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CdnPulse.Ingest.Apis;

/// <summary>What <c>POST /firehose</c> needs, bound with [AsParameters].</summary>
internal sealed record FirehoseServices(
    [FromServices] FirehoseAccessKey AccessKey,
    [FromServices] IOptions<FirehoseOptions> Options,
    [FromServices] RealtimeLogParser Parser,
    [FromServices] LogBatchPublisher Publisher,
    [FromServices] FirehoseRequestLedger Ledger,
    [FromServices] IngestMetrics Metrics,
    [FromServices] ILoggerFactory LoggerFactory)
{
    public ILogger Logger { get; } = LoggerFactory.CreateLogger(typeof(FirehoseApi).FullName!);
}
