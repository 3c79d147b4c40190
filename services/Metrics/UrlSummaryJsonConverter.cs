using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdnPulse.Metrics;

/// <summary>Writes a URL summary as <c>{"/path": [requests, bytes], …}</c> in ordinal order of the path.</summary>
public sealed class UrlSummaryJsonConverter : JsonConverter<UrlSummary>
{
    public override UrlSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A URL summary is a JSON object of path: [requests, bytes].");
        }
        var summary = new UrlSummary();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var url = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
                || !reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"URL '{url}' has no [requests, bytes].");
            }
            var requests = reader.GetInt64();
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"URL '{url}' has no byte count.");
            }
            var bytes = reader.GetInt64();
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException($"URL '{url}' has more than [requests, bytes].");
            }
            summary.Add(url, new UrlTally(requests, bytes));
        }
        return summary;
    }

    public override void Write(Utf8JsonWriter writer, UrlSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (url, tally) in value.Urls)
        {
            writer.WritePropertyName(url);
            writer.WriteStartArray();
            writer.WriteNumberValue(tally.Requests);
            writer.WriteNumberValue(tally.Bytes);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
