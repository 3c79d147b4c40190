using System.Text.Json;

namespace CdnPulse.EventStore;

/// <summary>A committed event: its global position, its stream and version within it, and what was appended.</summary>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    string Type,
    JsonElement Data,
    EventMetadata Metadata,
    DateTimeOffset CreatedAt)
{
    /// <summary>Reads <see cref="Data"/> as <typeparamref name="T"/> (default options: <see cref="JsonSerializerOptions.Web"/>).</summary>
    public T Deserialize<T>(JsonSerializerOptions? options = null) =>
        Data.Deserialize<T>(options ?? JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Event {Position} ({Type} in '{StreamId}') holds JSON null, not a {typeof(T).Name}.");
}
