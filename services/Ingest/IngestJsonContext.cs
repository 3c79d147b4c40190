using System.Text.Json;
using System.Text.Json.Serialization;
using CdnPulse.Ingest.Firehose;
using CdnPulse.Ingest.LambdaEdge;
using CdnPulse.Ingest.Transform;

namespace CdnPulse.Ingest;

/// <summary>Source-generated JSON for Ingest's HTTP bodies: camelCase names, numbers also read from strings (web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FirehoseRequest))]
[JsonSerializable(typeof(FirehoseResponse))]
[JsonSerializable(typeof(FirehoseTransformationEvent))]
[JsonSerializable(typeof(FirehoseTransformationResult))]
[JsonSerializable(typeof(LambdaEdgeResponse))]
[JsonSerializable(typeof(JsonDocument))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
