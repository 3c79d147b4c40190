using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Parses the data lines of a CloudFront standard log (tab-separated, columns named by a <see cref="StandardLogFormat"/>)
/// into <see cref="CdnRequest"/>s, mapped as the reference's standard-log job does: timestamp from <c>date</c> +
/// <c>time</c> (UTC), domain from <c>x-host-header</c> (the viewer's Host; <c>cs(Host)</c>, the distribution's own
/// domain, only when x-host-header is absent or <c>-</c>). Standard logs carry no country: enrichment looks it up.
/// Never throws on bad input; immutable and safe to share between threads.
/// </summary>
public sealed class StandardLogParser
{
    private readonly Column[] _columns;

    public StandardLogParser(StandardLogFormat format, int maxLineBytes = RealtimeLogParser.DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        Format = format;
        MaxLineBytes = maxLineBytes;
        _columns = [.. format.Fields.Select(ColumnOf)];
    }

    public StandardLogFormat Format { get; }

    public int MaxLineBytes { get; }

    private enum Column
    {
        Ignored,
        Date,
        Time,
        ClientIp,
        Status,
        BytesSent,
        HostHeader,
        DistributionHost,
        UriStem,
        TimeTaken,
        TimeToFirstByte,
        ResponseResultType,
        DetailedResultType,
    }

    /// <summary>True for a line the parser skips without counting it: a <c>#</c> directive (#Version, #Fields, comments).</summary>
    public static bool IsDirective(ReadOnlySpan<byte> line) => !line.IsEmpty && line[0] == (byte)'#';

    /// <summary>Parses one data line; a trailing <c>\n</c> or <c>\r\n</c> is ignored.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8Line, [NotNullWhen(true)] out CdnRequest? request, out LineRejectReason reason)
    {
        request = null;
        var line = utf8Line;
        if (line.EndsWith((byte)'\n'))
        {
            line = line[..^1];
        }

        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        reason = Check(line);
        if (reason != LineRejectReason.None)
        {
            return false;
        }

        long dayMs = -1, timeOfDayMs = -1, status = 0, bytesSent = 0;
        double timeTakenMs = 0;
        double? timeToFirstByteMs = null;
        string ip = "", uriStem = "";
        string? hostHeader = null, distributionHost = null, responseResultType = null, detailedResultType = null;

        for (var i = 0; i < _columns.Length && reason == LineRejectReason.None; i++)
        {
            var tab = line.IndexOf((byte)'\t');
            var value = tab < 0 ? line : line[..tab];
            line = tab < 0 ? default : line[(tab + 1)..];

            switch (_columns[i])
            {
                case Column.Date:
                    reason = TryParseDate(value, out dayMs) ? reason : LineRejectReason.BadTimestamp;
                    break;
                case Column.Time:
                    reason = TryParseTimeOfDay(value, out timeOfDayMs) ? reason : LineRejectReason.BadTimestamp;
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
                    reason = Utf8Fields.TryParseDigits(value, 3, out status) ? reason : LineRejectReason.BadNumber;
                    break;
                case Column.BytesSent:
                    reason = Utf8Fields.TryParseDigits(value, 18, out bytesSent) ? reason : LineRejectReason.BadNumber;
                    break;
                case Column.TimeTaken:
                    reason = Utf8Fields.TryParseSecondsAsMillis(value, out timeTakenMs) ? reason : LineRejectReason.BadNumber;
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
                case Column.HostHeader when !Utf8Fields.IsNull(value):
                    hostHeader = Encoding.UTF8.GetString(value);
                    break;
                case Column.DistributionHost when !Utf8Fields.IsNull(value):
                    distributionHost = Encoding.UTF8.GetString(value);
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
                default:
                    break;
            }
        }

        if (reason != LineRejectReason.None)
        {
            return false;
        }

        var host = hostHeader ?? distributionHost;
        if (host is null)
        {
            reason = LineRejectReason.MissingHost;
            return false;
        }

        request = new CdnRequest(
            dayMs + timeOfDayMs, ip, (int)status, bytesSent, host, uriStem, timeTakenMs,
            responseResultType, detailedResultType, Country: null, Isp: null, timeToFirstByteMs);
        return true;
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

        return line.Count((byte)'\t') == _columns.Length - 1 ? LineRejectReason.None : LineRejectReason.WrongFieldCount;
    }

    /// <summary><c>YYYY-MM-DD</c> to the epoch milliseconds of that day's midnight, UTC.</summary>
    private static bool TryParseDate(ReadOnlySpan<byte> value, out long epochMs)
    {
        epochMs = 0;
        if (value.Length != 10 || value[4] != (byte)'-' || value[7] != (byte)'-'
            || !Utf8Fields.TryParseDigits(value[..4], 4, out var year) || !Utf8Fields.TryParseDigits(value[5..7], 2, out var month)
            || !Utf8Fields.TryParseDigits(value[8..], 2, out var day)
            || year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return false;
        }

        epochMs = (long)(new DateTime((int)year, (int)month, (int)day, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;
        return true;
    }

    /// <summary><c>HH:MM:SS</c> to milliseconds since midnight.</summary>
    private static bool TryParseTimeOfDay(ReadOnlySpan<byte> value, out long ms)
    {
        ms = 0;
        if (value.Length != 8 || value[2] != (byte)':' || value[5] != (byte)':'
            || !Utf8Fields.TryParseDigits(value[..2], 2, out var hours) || !Utf8Fields.TryParseDigits(value[3..5], 2, out var minutes)
            || !Utf8Fields.TryParseDigits(value[6..], 2, out var seconds) || hours > 23 || minutes > 59 || seconds > 60)
        {
            return false;
        }

        ms = ((hours * 3600) + (minutes * 60) + seconds) * 1000;
        return true;
    }

    private static Column ColumnOf(string field) => field.ToLowerInvariant() switch
    {
        "date" => Column.Date,
        "time" => Column.Time,
        "c-ip" => Column.ClientIp,
        "sc-status" => Column.Status,
        "sc-bytes" => Column.BytesSent,
        "x-host-header" => Column.HostHeader,
        "cs(host)" => Column.DistributionHost,
        "cs-uri-stem" => Column.UriStem,
        "time-taken" => Column.TimeTaken,
        "time-to-first-byte" => Column.TimeToFirstByte,
        "x-edge-response-result-type" => Column.ResponseResultType,
        "x-edge-detailed-result-type" => Column.DetailedResultType,
        _ => Column.Ignored,
    };
}
