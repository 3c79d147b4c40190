using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Aggregation.Tests;

/// <summary>The reference's 11 fields plus time-to-first-byte: the format the test system's Ingest is started with.</summary>
internal static class LogFormat
{
    public const string Fields =
        "timestamp,c-ip,time-to-first-byte,sc-status,sc-bytes,cs-host,cs-uri-stem,cs-bytes,time-taken,x-edge-response-result-type,x-edge-detailed-result-type,c-country";

    private static readonly LogLineWriter Writer = new(RealtimeLogFormat.Parse(Fields));

    public static byte[] Lines(IEnumerable<CdnRequest> requests)
    {
        var text = new StringBuilder();
        foreach (var request in requests)
        {
            Writer.AppendTo(text, request);
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
