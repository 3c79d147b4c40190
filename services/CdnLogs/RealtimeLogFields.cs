using System.Collections.Frozen;

namespace CdnPulse.CdnLogs;

/// <summary>CloudFront's real-time log field names, their canonical order and the formats CdnPulse knows.</summary>
public static class RealtimeLogFields
{
    // Indexed by (int)RealtimeLogField; the order is CloudFront's (see RealtimeLogField's remarks).
    private static readonly string[] Names =
    [
        "timestamp", "c-ip", "time-to-first-byte", "sc-status", "sc-bytes",
        "cs-method", "cs-protocol", "cs-host", "cs-uri-stem", "cs-bytes",
        "x-edge-location", "x-edge-request-id", "x-host-header", "time-taken", "cs-protocol-version",
        "c-ip-version", "cs-user-agent", "cs-referer", "cs-cookie", "cs-uri-query",
        "x-edge-response-result-type", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-result-type",
        "fle-encrypted-fields", "fle-status", "sc-content-type", "sc-content-len", "sc-range-start",
        "sc-range-end", "c-port", "x-edge-detailed-result-type", "c-country", "cs-accept-encoding",
        "cs-accept", "cache-behavior-path-pattern", "cs-headers", "cs-header-names", "cs-headers-count",
        "primary-distribution-id", "primary-distribution-dns-name", "origin-fbl", "origin-lbl", "asn",
    ];

    private static readonly FrozenDictionary<string, RealtimeLogField> ByName =
        Names.Select((name, index) => KeyValuePair.Create(name, (RealtimeLogField)index))
             .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every field, in canonical order.</summary>
    public static IReadOnlyList<RealtimeLogField> Canonical { get; } = Array.AsReadOnly(Enum.GetValues<RealtimeLogField>());

    /// <summary>Every field name, in canonical order.</summary>
    public static IReadOnlyList<string> CanonicalNames { get; } = Array.AsReadOnly(Names);

    /// <summary>The 11 fields the CloudFront Extensions monitoring solution configures (reference §1.2).</summary>
    public static IReadOnlyList<RealtimeLogField> Default11 { get; } =
    [
        RealtimeLogField.Timestamp, RealtimeLogField.CIp, RealtimeLogField.ScStatus, RealtimeLogField.ScBytes,
        RealtimeLogField.CsHost, RealtimeLogField.CsUriStem, RealtimeLogField.CsBytes, RealtimeLogField.TimeTaken,
        RealtimeLogField.XEdgeResponseResultType, RealtimeLogField.XEdgeDetailedResultType, RealtimeLogField.CCountry,
    ];

    /// <summary>Fields every format must carry: a request without them cannot be counted or attributed.</summary>
    public static IReadOnlyList<RealtimeLogField> Required { get; } =
    [
        RealtimeLogField.Timestamp, RealtimeLogField.CIp, RealtimeLogField.ScStatus,
        RealtimeLogField.ScBytes, RealtimeLogField.CsHost, RealtimeLogField.CsUriStem,
    ];

    /// <summary>The CloudFront name of <paramref name="field"/>, for example <c>cs-host</c>.</summary>
    public static string NameOf(RealtimeLogField field) =>
        (uint)field < (uint)Names.Length
            ? Names[(int)field]
            : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a CloudFront real-time log field.");

    /// <summary>Looks up a field by its exact CloudFront name (lower case, for example <c>cs-host</c>).</summary>
    public static bool TryParse(string? name, out RealtimeLogField field)
    {
        if (name is not null && ByName.TryGetValue(name, out field))
        {
            return true;
        }

        field = default;
        return false;
    }
}
