using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Parses CloudFront real-time log lines (UTF-8, tab-separated, in the order of a <see cref="RealtimeLogFormat"/>)
/// into <see cref="CdnRequest"/>s. Never throws on bad input; immutable and safe to share between threads.
/// </summary>
public sealed class RealtimeLogParser
{
    public const int DefaultMaxLineBytes = 64 * 1024;

    private readonly Column[] _columns;

    public RealtimeLogParser(RealtimeLogFormat format, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        Format = format;
        MaxLineBytes = maxLineBytes;
        _columns = [.. format.Fields.Select(ColumnOf)];
    }

    public RealtimeLogFormat Format { get; }

    /// <summary>Longest accepted line in bytes, not counting the line break.</summary>
    public int MaxLineBytes { get; }

    private enum Column
    {
        Ignored,
        Timestamp,
        ClientIp,
        Status,
        BytesSent,
        Host,
        UriStem,
        TimeTaken,
        TimeToFirstByte,
        ResponseResultType,
        DetailedResultType,
        Country,
    }

    /// <summary>Parses one line; a trailing <c>\n</c> or <c>\r\n</c> is ignored.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8Line, [NotNullWhen(true)] out CdnRequest? request, out LineRejectReason reason)
    {
        request = null;
        var line = TrimLineBreak(utf8Line);
        reason = Check(line);
        if (reason != LineRejectReason.None)
        {
            return false;
        }

        long timestampMs = 0, bytesSent = 0, status = 0;
        double timeTakenMs = 0;
        double? timeToFirstByteMs = null;
        string ip = "", host = "", uriStem = "";
        string? responseResultType = null, detailedResultType = null, country = null;

        for (var i = 0; i < _columns.Length; i++)
        {
            var tab = line.IndexOf((byte)'\t');
            var value = tab < 0 ? line : line[..tab];
            line = tab < 0 ? default : line[(tab + 1)..];

            switch (_columns[i])
            {
                case Column.Timestamp:
                    if (!Utf8Fields.TryParseEpochMillis(value, out timestampMs))
                    {
                        reason = LineRejectReason.BadTimestamp;
                    }

                    break;
                case Column.ClientIp:
                    if (Utf8Fields.IsIpAddress(value))
                    {
                        ip = Encoding.ASCII.GetString(value);
                    }
                    else
                    {
                        reason = LineRejectReason.BadIp;
                    }

                    break;
                case Column.Status:
                    if (!Utf8Fields.TryParseDigits(value, 3, out status))
                    {
                        reason = LineRejectReason.BadNumber;
                    }

                    break;
                case Column.BytesSent:
                    if (!Utf8Fields.TryParseDigits(value, 18, out bytesSent))
                    {
                        reason = LineRejectReason.BadNumber;
                    }

                    break;
                case Column.TimeTaken:
                    if (!Utf8Fields.TryParseSecondsAsMillis(value, out timeTakenMs))
                    {
                        reason = LineRejectReason.BadNumber;
                    }

                    break;
                case Column.TimeToFirstByte when !Utf8Fields.IsNull(value):
                    if (Utf8Fields.TryParseSecondsAsMillis(value, out var ttfb))
                    {
                        timeToFirstByteMs = ttfb;
                    }
                    else
                    {
                        reason = LineRejectReason.BadNumber;
                    }

                    break;
                case Column.Host:
                    if (Utf8Fields.IsNull(value))
                    {
                        reason = LineRejectReason.MissingHost;
                    }
                    else
                    {
                        host = Encoding.UTF8.GetString(value);
                    }

                    break;
                case Column.UriStem:
                    uriStem = Encoding.UTF8.GetString(value);
                    break;
                case Column.ResponseResultType when !Utf8Fields.IsNull(value):
                    responseResultType = KnownStrings.ResultType(value);
                    break;
                case Column.DetailedResultType when !Utf8Fields.IsNull(value):
                    detailedResultType = KnownStrings.ResultType(value);
                    break;
                case Column.Country when !Utf8Fields.IsNull(value):
                    country = KnownStrings.Country(value);
                    break;
                default:
                    break;
            }

            if (reason != LineRejectReason.None)
            {
                return false;
            }
        }

        request = new CdnRequest(
            timestampMs, ip, (int)status, bytesSent, host, uriStem, timeTakenMs,
            responseResultType, detailedResultType, country, Isp: null, timeToFirstByteMs);
        return true;
    }

    /// <summary>
    /// Parses a body of one or more lines separated by <c>\n</c> (a Kinesis or Firehose record), adding the
    /// good ones to <paramref name="accepted"/> and counting the rest in <paramref name="rejects"/>.
    /// A final line break does not start another line.
    /// </summary>
    /// <returns>The number of accepted lines.</returns>
    public int ParseBatch(ReadOnlySpan<byte> body, ICollection<CdnRequest> accepted, RejectCounter rejects)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(rejects);

        var acceptedCount = 0;
        for (var lineNumber = 1; !body.IsEmpty; lineNumber++)
        {
            var newline = body.IndexOf((byte)'\n');
            var line = newline < 0 ? body : body[..newline];
            body = newline < 0 ? default : body[(newline + 1)..];

            if (TryParse(line, out var request, out var reason))
            {
                accepted.Add(request);
                acceptedCount++;
            }
            else
            {
                rejects.Add(reason, lineNumber, line);
            }
        }

        return acceptedCount;
    }

    private LineRejectReason Check(ReadOnlySpan<byte> line)
    {
        if (line.Trim((byte)' ').IsEmpty)
        {
            return LineRejectReason.Empty;
        }

        if (line.Length > MaxLineBytes)
        {
            return LineRejectReason.Oversize;
        }

        if (!Utf8.IsValid(line))
        {
            return LineRejectReason.InvalidUtf8;
        }

        // Counting separators first makes a format mismatch show as such rather than as a bad value.
        return line.Count((byte)'\t') == _columns.Length - 1 ? LineRejectReason.None : LineRejectReason.WrongFieldCount;
    }

    private static ReadOnlySpan<byte> TrimLineBreak(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith((byte)'\n'))
        {
            line = line[..^1];
        }

        return line.EndsWith((byte)'\r') ? line[..^1] : line;
    }

    private static Column ColumnOf(RealtimeLogField field) => field switch
    {
        RealtimeLogField.Timestamp => Column.Timestamp,
        RealtimeLogField.CIp => Column.ClientIp,
        RealtimeLogField.ScStatus => Column.Status,
        RealtimeLogField.ScBytes => Column.BytesSent,
        RealtimeLogField.CsHost => Column.Host,
        RealtimeLogField.CsUriStem => Column.UriStem,
        RealtimeLogField.TimeTaken => Column.TimeTaken,
        RealtimeLogField.TimeToFirstByte => Column.TimeToFirstByte,
        RealtimeLogField.XEdgeResponseResultType => Column.ResponseResultType,
        RealtimeLogField.XEdgeDetailedResultType => Column.DetailedResultType,
        RealtimeLogField.CCountry => Column.Country,
        _ => Column.Ignored,
    };
}
