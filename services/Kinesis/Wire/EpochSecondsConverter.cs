using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdnPulse.Kinesis.Wire;

/// <summary>Kinesis sends and expects timestamps as epoch seconds with a fraction (1700000000.123), not ISO strings.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        var seconds = reader.GetDouble();
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
