using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdnPulse.MetricsQuery.Extensions;

/// <summary>Writes times as ISO-8601 UTC with a Z (2026-01-15T10:05:00Z), the form the native API documents.</summary>
internal sealed class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
