using System.Text.Json.Serialization;

namespace CdnPulse.Ingest.LambdaEdge;

/// <summary>What <c>POST /lambda-edge</c> answers: the batch id published, records accepted and rejected (reasons at GET /rejects).</summary>
public sealed record LambdaEdgeResponse(
    string? BatchId,
    int Accepted,
    int Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);
