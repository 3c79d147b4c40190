using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Maps a JSON record a Lambda@Edge function sends about a request to a <see cref="CdnRequest"/>. The record has the
/// fields of the Lambda@Edge event (<c>distributionId</c>, <c>requestId</c>, <c>clientIp</c>, <c>uri</c>, <c>method</c>,
/// <c>headers</c>, <c>timestamp</c>), optionally <c>status</c>, <c>bytes</c>, <c>timeTaken</c> (seconds) and <c>country</c>:
/// a viewer-request function does not know the response, so those default to 0 (status 0 = unknown, as CloudFront's
/// own <c>000</c>). Domain: the Host header, else <c>host</c>, else <c>distributionDomainName</c>. Country: <c>country</c>,
/// else the CloudFront-Viewer-Country header, else left to enrichment. Headers may come in the event's shape
/// (<c>{"host":[{"key":"Host","value":"…"}]}</c>) or flat (<c>{"Host":"…"}</c>). <c>timestamp</c> is epoch
/// milliseconds, epoch seconds (with a fraction) or an ISO-8601 string. Never throws on bad input.
/// </summary>
public static class LambdaEdgeRecordParser
{
    // Epoch values above this are milliseconds (1e11 seconds is the year 5138).
    private const decimal MillisecondsThreshold = 100_000_000_000m;

    public static bool TryParse(JsonElement record, [NotNullWhen(true)] out CdnRequest? request, out LineRejectReason reason)
    {
        request = null;
        if (record.ValueKind != JsonValueKind.Object)
        {
            reason = LineRejectReason.MissingField;
            return false;
        }

        if (!TryGet(record, "timestamp", out var timestampValue) || !TryReadTimestamp(timestampValue, out var timestampMs))
        {
            reason = LineRejectReason.BadTimestamp;
            return false;
        }

        if (!TryGet(record, "clientIp", out var ipValue) || ipValue.ValueKind != JsonValueKind.String
            || !Utf8Fields.IsIpAddress(Encoding.UTF8.GetBytes(ipValue.GetString()!)))
        {
            reason = ipValue.ValueKind == JsonValueKind.Undefined ? LineRejectReason.MissingField : LineRejectReason.BadIp;
            return false;
        }

        if (!TryGet(record, "uri", out var uriValue) || uriValue.ValueKind != JsonValueKind.String)
        {
            reason = LineRejectReason.MissingField;
            return false;
        }

        var host = Header(record, "host") ?? Text(record, "host") ?? Text(record, "distributionDomainName");
        if (string.IsNullOrWhiteSpace(host) || host == "-")
        {
            reason = LineRejectReason.MissingHost;
            return false;
        }

        if (!TryReadWhole(record, "status", 999, out var status) || !TryReadWhole(record, "bytes", long.MaxValue, out var bytes)
            || !TryReadSeconds(record, "timeTaken", out var timeTakenMs))
        {
            reason = LineRejectReason.BadNumber;
            return false;
        }

        var country = Text(record, "country") ?? Header(record, "cloudfront-viewer-country");
        reason = LineRejectReason.None;
        request = new CdnRequest(timestampMs, ipValue.GetString()!, (int)status, bytes, host, uriValue.GetString()!, timeTakenMs,
            EdgeResponseResultType: null, EdgeDetailedResultType: null, string.IsNullOrEmpty(country) ? null : country, Isp: null,
            TimeToFirstByteMs: null);
        return true;
    }

    private static bool TryReadTimestamp(JsonElement value, out long millis)
    {
        millis = 0;
        decimal number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDecimal(out number))
            {
                return false;
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return false;
                }
                millis = parsed.ToUnixTimeMilliseconds();
                return millis >= 0;
            }
        }
        else
        {
            return false;
        }

        if (number < 0 || number >= 100_000_000_000_000m)
        {
            return false;
        }
        millis = (long)decimal.Truncate(number >= MillisecondsThreshold ? number : number * 1000);
        return true;
    }

    /// <summary>An optional non-negative whole number (JSON number or numeric string); absent reads as 0.</summary>
    private static bool TryReadWhole(JsonElement record, string name, long max, out long result)
    {
        result = 0;
        if (!TryGet(record, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out result),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
        return ok && result >= 0 && result <= max;
    }

    private static bool TryReadSeconds(JsonElement record, string name, out double millis)
    {
        millis = 0;
        if (!TryGet(record, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        decimal seconds = 0;
        var ok = (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out seconds))
                 || (value.ValueKind == JsonValueKind.String
                     && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds));
        if (!ok || seconds < 0 || seconds > 1_000_000_000m)
        {
            return false;
        }
        millis = (double)(seconds * 1000);
        return true;
    }

    private static string? Text(JsonElement record, string name) =>
        TryGet(record, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A header's first value, in the Lambda@Edge shape or flat.</summary>
    private static string? Header(JsonElement record, string name)
    {
        if (!TryGet(record, "headers", out var headers) || headers.ValueKind != JsonValueKind.Object || !TryGet(headers, name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                return item.GetString();
            }
            if (item.ValueKind == JsonValueKind.Object && TryGet(item, "value", out var inner) && inner.ValueKind == JsonValueKind.String)
            {
                return inner.GetString();
            }
        }
        return null;
    }

    /// <summary>A property by exact name, else by a case-insensitive match (header names, hand-written records).</summary>
    private static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
