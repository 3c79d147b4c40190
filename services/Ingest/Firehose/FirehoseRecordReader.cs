using System.Buffers;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Ingest.Firehose;

/// <summary>Decodes one Firehose record (base64 of one or more log lines) and parses its lines.</summary>
internal static class FirehoseRecordReader
{
    public static void Parse(string? base64, int position, RealtimeLogParser parser, List<CdnRequest> accepted, RejectCounter rejects)
    {
        if (string.IsNullOrEmpty(base64))
        {
            rejects.Add(LineRejectReason.Empty, position, []);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent((base64.Length * 3 / 4) + 3);
        try
        {
            if (Convert.TryFromBase64String(base64, buffer, out var written))
            {
                parser.ParseBatch(buffer.AsSpan(0, written), accepted, rejects);
            }
            else
            {
                rejects.Add(LineRejectReason.BadEncoding, position, []);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
