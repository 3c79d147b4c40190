using System.Buffers;
using System.Globalization;
using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Ingest.Transform;

/// <summary>
/// The reference's Log Transformer (Firehose data transformation, reference §2.1) without its bugs. Each record's
/// lines are parsed with the configured real-time format; each good line comes back as the original line + TAB + ISP +
/// TAB + country (both looked up from c-ip, <c>NotFound</c> on a miss) + LF, in UTF-8, with partition keys
/// (year, month, day, hour, minute of the first line's timestamp in UTC, and its cs-host).
/// Every input record comes back, with its record id: <see cref="TransformResults.Ok"/>;
/// <see cref="TransformResults.Dropped"/> for an empty record (nothing to deliver); <see cref="TransformResults.ProcessingFailed"/>
/// with the original data when any line of it does not parse (invalid IP, wrong field count, bad number, not base64 …),
/// so Firehose writes it to the error output where it can be inspected, instead of the reference's silently missing
/// record that failed the whole batch. Thread-safe; usable as a library without the HTTP endpoint.
/// </summary>
public sealed class FirehoseTransformer(RealtimeLogParser parser, IpLocationProvider ipData)
{
    public FirehoseTransformationResult Transform(FirehoseTransformationEvent input, RejectCounter? rejects = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        rejects ??= new RejectCounter();
        var database = ipData.Current;
        var records = input.Records ?? [];
        var output = new TransformedRecord[records.Count];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = TransformRecord(records[i], database, rejects, i + 1);
        }
        return new FirehoseTransformationResult(output);
    }

    private TransformedRecord TransformRecord(FirehoseTransformationRecord? record, IpLocationDatabase database, RejectCounter rejects, int position)
    {
        var recordId = record?.RecordId ?? "";
        var data = record?.Data ?? "";
        if (data.Length == 0)
        {
            return new TransformedRecord(recordId, TransformResults.Dropped, "", null);
        }
        var decoded = ArrayPool<byte>.Shared.Rent((data.Length * 3 / 4) + 3);
        try
        {
            if (!Convert.TryFromBase64String(data, decoded, out var length))
            {
                rejects.Add(LineRejectReason.BadEncoding, position, []);
                return new TransformedRecord(recordId, TransformResults.ProcessingFailed, data, null);
            }
            var body = decoded.AsSpan(0, length).Trim("\r\n\t "u8);
            if (body.IsEmpty)
            {
                return new TransformedRecord(recordId, TransformResults.Dropped, "", null);
            }
            var enriched = new ArrayBufferWriter<byte>(body.Length + 64);
            PartitionKeys? keys = null;
            foreach (var range in body.Split((byte)'\n'))
            {
                var line = body[range].TrimEnd((byte)'\r');
                if (line.IsEmpty)
                {
                    continue;
                }
                // The span view: nothing is allocated per line; only the first line's host becomes a string (a partition key).
                if (!parser.TryRead(line, out var view, out var reason))
                {
                    rejects.Add(reason, position, line);
                    return new TransformedRecord(recordId, TransformResults.ProcessingFailed, data, null);
                }
                var location = database.Locate(view.ClientIp);
                enriched.Write(line);
                enriched.Write("\t"u8);
                WriteField(enriched, location.Isp);
                enriched.Write("\t"u8);
                WriteField(enriched, location.Country);
                enriched.Write("\n"u8);
                keys ??= KeysOf(view.TimestampMs, Encoding.UTF8.GetString(view.Host));
            }
            return new TransformedRecord(recordId, TransformResults.Ok, Convert.ToBase64String(enriched.WrittenSpan),
                new TransformMetadata(keys!));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    /// <summary>The reference's keys: the timestamp's whole seconds in UTC (fraction dropped), zero-padded, and the domain.</summary>
    public static PartitionKeys KeysOf(CdnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return KeysOf(request.TimestampMs, request.Host);
    }

    private static PartitionKeys KeysOf(long timestampMs, string host)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime;
        var invariant = CultureInfo.InvariantCulture;
        return new PartitionKeys(time.ToString("yyyy", invariant), time.ToString("MM", invariant), time.ToString("dd", invariant),
            time.ToString("HH", invariant), time.ToString("mm", invariant), host);
    }

    // An organisation name with a tab or line break would shift the appended columns.
    private static void WriteField(ArrayBufferWriter<byte> writer, string value)
    {
        var clean = value.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? value : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(clean.Length));
        writer.Advance(Encoding.UTF8.GetBytes(clean, span));
    }
}
