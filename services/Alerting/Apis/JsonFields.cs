using System.Text.Json;

namespace CdnPulse.Alerting.Apis;

/// <summary>Reads typed fields of a JSON request body; a wrong or missing field throws <see cref="FieldException"/> naming it.</summary>
internal static class JsonFields
{
    public static string RequiredString(JsonElement body, string name, string? field = null) =>
        OptionalString(body, name, field) is { Length: > 0 } text
            ? text
            : throw new FieldException(field ?? name, $"{field ?? name} is required.");

    public static string? OptionalString(JsonElement body, string name, string? field = null)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FieldException(field ?? name, $"{field ?? name} must be a string.");
    }

    public static int RequiredInt(JsonElement body, string name) =>
        OptionalInt(body, name) ?? throw new FieldException(name, $"{name} is required.");

    public static int? OptionalInt(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new FieldException(name, $"{name} must be a whole number.");
    }

    public static double RequiredNumber(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException(name, $"{name} is required.");
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new FieldException(name, $"{name} must be a number.");
    }

    public static bool? OptionalBool(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FieldException(name, $"{name} must be true or false."),
        };
    }
}
