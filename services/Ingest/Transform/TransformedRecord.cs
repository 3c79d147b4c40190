using System.Text.Json.Serialization;

namespace CdnPulse.Ingest.Transform;

/// <summary>
/// One transformed record: <see cref="Result"/> is <see cref="TransformResults.Ok"/>, <see cref="TransformResults.Dropped"/> or
/// <see cref="TransformResults.ProcessingFailed"/>; <see cref="Data"/> is base64; partition keys only for Ok records.
/// </summary>
public sealed record TransformedRecord(
    string RecordId,
    string Result,
    string Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransformMetadata? Metadata);
