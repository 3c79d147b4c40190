using System.Text;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Shares the string instances of low-cardinality fields (result types, country codes) so that parsing a line
/// allocates only for the values that really vary (host, path, IP).
/// </summary>
internal static class KnownStrings
{
    private static readonly string[] ResultTypes =
    [
        "Hit", "RefreshHit", "Miss", "OriginShieldHit", "LimitExceeded", "CapacityExceeded", "Error", "Redirect",
        "AbortedOrigin", "ClientCommError", "ClientGeoBlocked", "ClientHungUpRequest", "InvalidRequest",
        "InvalidRequestBlocked", "InvalidRequestCertificate", "InvalidRequestHeader", "InvalidRequestMethod",
        "OriginConnectError", "OriginContentRangeLengthError", "OriginDnsError", "OriginError",
        "OriginHeaderTooBigError", "OriginInvalidResponseError", "OriginReadError", "OriginWriteError",
        "OriginZeroSizeObjectError", "SlowReaderOriginError",
    ];

    private static readonly byte[][] ResultTypeBytes = [.. ResultTypes.Select(Encoding.ASCII.GetBytes)];

    // Indexes into ResultTypes by length, so a lookup compares against one or two candidates instead of all of them.
    private static readonly int[][] ResultTypesByLength = [.. Enumerable.Range(0, ResultTypes.Max(t => t.Length) + 1)
        .Select(length => Enumerable.Range(0, ResultTypes.Length).Where(i => ResultTypes[i].Length == length).ToArray())];

    // Two upper-case letters, filled on first use; a lost race only costs one extra string.
    private static readonly string?[] CountryCodes = new string?[26 * 26];

    public static string ResultType(ReadOnlySpan<byte> value)
    {
        // Most lines carry one of these; comparing with constants is cheaper than the table.
        if (value.SequenceEqual("Hit"u8))
        {
            return "Hit";
        }

        if (value.SequenceEqual("Miss"u8))
        {
            return "Miss";
        }

        if (value.Length < ResultTypesByLength.Length)
        {
            foreach (var i in ResultTypesByLength[value.Length])
            {
                if (value.SequenceEqual(ResultTypeBytes[i]))
                {
                    return ResultTypes[i];
                }
            }
        }

        return Encoding.UTF8.GetString(value);
    }

    public static string Country(ReadOnlySpan<byte> value)
    {
        if (value.Length == 2 && char.IsAsciiLetterUpper((char)value[0]) && char.IsAsciiLetterUpper((char)value[1]))
        {
            var slot = ((value[0] - 'A') * 26) + (value[1] - 'A');
            return CountryCodes[slot] ??= Encoding.ASCII.GetString(value);
        }

        return Encoding.UTF8.GetString(value);
    }
}
