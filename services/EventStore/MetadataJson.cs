using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CdnPulse.EventStore;

/// <summary>Metadata as a small JSON object with camelCase keys; absent values are left out, headers sorted by key.</summary>
internal static class MetadataJson
{
    private const string CorrelationId = "correlationId";
    private const string CausationId = "causationId";
    private const string TraceParent = "traceParent";
    private const string TraceState = "traceState";
    private const string Headers = "headers";

    public static string Write(EventMetadata metadata)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfSet(writer, CorrelationId, metadata.CorrelationId);
            WriteIfSet(writer, CausationId, metadata.CausationId);
            WriteIfSet(writer, TraceParent, metadata.TraceParent);
            WriteIfSet(writer, TraceState, metadata.TraceState);
            if (metadata.Headers is { Count: > 0 } headers)
            {
                writer.WriteStartObject(Headers);
                foreach (var (key, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static EventMetadata Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Dictionary<string, string>? headers = null;
        if (root.TryGetProperty(Headers, out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var header in headerObject.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString() ?? "";
            }
        }
        return new EventMetadata(
            StringOrNull(root, CorrelationId), StringOrNull(root, CausationId),
            StringOrNull(root, TraceParent), StringOrNull(root, TraceState), headers);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
