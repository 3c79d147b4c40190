using System.Text.Json.Serialization;

namespace CdnPulse.Ingest.Firehose;

/// <summary>The response Firehose expects: the request id echoed, a timestamp in ms, and on failure an error message.</summary>
public sealed record FirehoseResponse(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("errorMessage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorMessage = null);
