using System.Text.Json.Serialization;

namespace CdnPulse.Kinesis.Wire;

/// <summary>A JSON-protocol error body: <c>{"__type":"[namespace#]Name","message":"..."}</c> (message casing varies).</summary>
internal sealed record ErrorResponse
{
    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    public string? Message { get; init; }
}
