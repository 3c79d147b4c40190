using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdnPulse.Metrics;

/// <summary>Writes download-speed counts as an array of eight counts in bucket order (250K … 4M, Other).</summary>
public sealed class DownloadSpeedCountsJsonConverter : JsonConverter<DownloadSpeedCounts>
{
    public override DownloadSpeedCounts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Download-speed counts are a JSON array of eight counts.");
        }
        var counts = new DownloadSpeedCounts();
        var i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (i >= DownloadSpeedCounts.Buckets.Count)
            {
                throw new JsonException($"Download-speed counts have more than {DownloadSpeedCounts.Buckets.Count} buckets.");
            }
            counts.Add(DownloadSpeedCounts.Buckets[i++], reader.GetInt64());
        }
        return counts;
    }

    public override void Write(Utf8JsonWriter writer, DownloadSpeedCounts value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var bucket in DownloadSpeedCounts.Buckets)
        {
            writer.WriteNumberValue(value[bucket]);
        }
        writer.WriteEndArray();
    }
}
