using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Ingest.Tests;

/// <summary>Real-time log lines (the reference's 11 fields) for the transform tests.</summary>
internal static class TransformData
{
    /// <summary>2026-01-15 10:00:00.123 UTC.</summary>
    public const long TimestampMs = 1_768_471_200_123;

    private static readonly LogLineWriter Writer = new(RealtimeLogFormat.Default);

    public static string Line(string ip, string host = "www.example.com", string path = "/index.html", long timestampMs = TimestampMs) =>
        Writer.Write(new CdnRequest(timestampMs, ip, 200, 2048, host, path, 15, "Hit", "Hit", "DE", null, null));

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
