using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdnPulse.Metrics;

/// <summary>
/// Writes a histogram as one flat array of (bucket, count) pairs in bucket order, each bucket index given as the
/// step from the previous one: <c>[12000, 3, 1, 7, 4, 1]</c> is buckets 12000, 12001 and 12005. Compact, and
/// byte-for-byte deterministic.
/// </summary>
public sealed class LatencyHistogramJsonConverter : JsonConverter<LatencyHistogram>
{
    public override LatencyHistogram Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A latency histogram is a JSON array of (bucket step, count) pairs.");
        }
        var histogram = new LatencyHistogram();
        var index = 0;
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var step = reader.GetInt32();
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException("A latency histogram's bucket has no count.");
            }
            if (step <= 0 && !first)
            {
                throw new JsonException("Latency histogram buckets must be in ascending order.");
            }
            index = first ? step : index + step;
            first = false;
            histogram.AddToBucket(index, reader.GetInt64());
        }
        return histogram;
    }

    public override void Write(Utf8JsonWriter writer, LatencyHistogram value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        var previous = 0;
        foreach (var (index, count) in value.Buckets)
        {
            writer.WriteNumberValue(index - previous);
            writer.WriteNumberValue(count);
            previous = index;
        }
        writer.WriteEndArray();
    }
}
