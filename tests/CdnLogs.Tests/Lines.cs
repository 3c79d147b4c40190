using System.Text;

namespace CdnPulse.CdnLogs.Tests;

/// <summary>Builds log lines for tests.</summary>
internal static class Lines
{
    public static byte[] Utf8(params string[] fields) => Encoding.UTF8.GetBytes(string.Join('\t', fields));

    /// <summary>A realistic line in the 11-field default format; pass replacements by field name.</summary>
    public static byte[] Default(params (string Field, string Value)[] replacements)
    {
        var values = new Dictionary<string, string>
        {
            ["timestamp"] = "1634814300.123",
            ["c-ip"] = "203.0.113.7",
            ["sc-status"] = "200",
            ["sc-bytes"] = "5432",
            ["cs-host"] = "d111111abcdef8.cloudfront.net",
            ["cs-uri-stem"] = "/images/cat.jpg",
            ["cs-bytes"] = "412",
            ["time-taken"] = "0.002",
            ["x-edge-response-result-type"] = "Hit",
            ["x-edge-detailed-result-type"] = "Hit",
            ["c-country"] = "US",
        };
        foreach (var (field, value) in replacements)
        {
            values[field] = value;
        }

        return Utf8([.. RealtimeLogFields.Default11.Select(f => values[RealtimeLogFields.NameOf(f)])]);
    }
}
