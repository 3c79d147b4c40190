using System.Globalization;

namespace CdnPulse.Alerting.Apis;

/// <summary>Query-string readers that name the parameter in their error.</summary>
internal static class QueryParameters
{
    public static bool TryMaxRecords(IQueryCollection query, int fallback, int max, out int value, out ApiError? error)
    {
        var text = query["MaxRecords"].ToString();
        value = fallback;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max)
        {
            return true;
        }
        error = new ApiError("MaxRecords", $"MaxRecords must be a whole number from 1 to {max}.");
        return false;
    }

    public static bool TryLong(IQueryCollection query, string name, out long? value, out ApiError? error)
    {
        var text = query[name].ToString();
        value = null;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        error = new ApiError(name, $"{name} '{text}' is not a token this API returned.");
        return false;
    }

    public static bool TryTime(IQueryCollection query, string name, out DateTimeOffset? value, out ApiError? error)
    {
        var text = query[name].ToString();
        value = null;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            value = time;
            return true;
        }
        error = new ApiError(name, $"{name} '{text}' is not a time (ISO 8601, for example 2026-01-15T10:00:00Z).");
        return false;
    }

    public static string? Optional(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } text ? text : null;
}
