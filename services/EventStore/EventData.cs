using System.Text.Json;

namespace CdnPulse.EventStore;

/// <summary>An event to append: its type name, its JSON body and its metadata.</summary>
public sealed record EventData(string Type, JsonElement Data, EventMetadata Metadata)
{
    /// <summary>Serialises <paramref name="data"/> with <paramref name="options"/> (default: <see cref="JsonSerializerOptions.Web"/>).</summary>
    public static EventData Create<T>(string type, T data, EventMetadata? metadata = null, JsonSerializerOptions? options = null) =>
        new(type, JsonSerializer.SerializeToElement(data, options ?? JsonSerializerOptions.Web), metadata ?? EventMetadata.Empty);
}
