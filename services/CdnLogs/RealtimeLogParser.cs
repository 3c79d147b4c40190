using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Parses CloudFront real-time log lines (UTF-8, tab-separated, in the order of a <see cref="RealtimeLogFormat"/>)
/// into <see cref="CdnRequest"/>s. Never throws on bad input; safe to share between threads (its only state is a bounded,
/// lock-free cache of host and path strings).
/// </summary>
public sealed class RealtimeLogParser
{
    public const int DefaultMaxLineBytes = 64 * 1024;

    // Bounded: a few kilobytes of hosts, at most a few megabytes of paths.
    private const int HostCacheSlots = 64;
    private const int PathCacheSlots = 16384;
    private const int MaxCachedPathLength = 128;

    private readonly Column[] _columns;
    private readonly (int Index, Column Column)[] _used;
    private readonly Utf8StringCache _hosts = new(HostCacheSlots, maxLength: 255);
    private readonly Utf8StringCache _paths = new(PathCacheSlots, MaxCachedPathLength);

    public RealtimeLogParser(RealtimeLogFormat format, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        Format = format;
        MaxLineBytes = maxLineBytes;
        _columns = [.. format.Fields.Select(ColumnOf)];
        _used = [.. _columns.Select((column, index) => (index, column)).Where(c => c.column != Column.Ignored)];
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
        if (!TryRead(utf8Line, out var line, out reason))
        {
            request = null;
            return false;
        }

        // Hosts and popular paths repeat from line to line: share their strings rather than allocate each time.
        request = new CdnRequest(
            line.TimestampMs, Encoding.ASCII.GetString(line.ClientIp), line.Status, line.BytesSent, _hosts.Get(line.Host),
            _paths.Get(line.UriStem), line.TimeTakenMs, line.EdgeResponseResultType, line.EdgeDetailedResultType, line.Country,
            Isp: null, line.TimeToFirstByteMs);
        return true;
    }

    /// <summary>
    /// Reads one line like <see cref="TryParse(ReadOnlySpan{byte}, out CdnRequest?, out LineRejectReason)"/> (same checks, same
    /// values) into a view over <paramref name="utf8Line"/> that allocates nothing.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> utf8Line, out RealtimeLogLine line, out LineRejectReason reason)
    {
        line = default;
        var text = TrimLineBreak(utf8Line);
        reason = CheckSize(text);
        if (reason != LineRejectReason.None)
        {
            return false;
        }

        // One pass finds every separator; counting them first makes a format mismatch show as such rather than as a bad value.
        Span<int> tabs = stackalloc int[_columns.Length];
        var tabCount = Utf8Tabs.Find(text, tabs, out var ascii);
        if (!ascii && !Utf8.IsValid(text))
        {
            // An ASCII line is valid UTF-8: only the others need the full check.
            reason = LineRejectReason.InvalidUtf8;
            return false;
        }

        if (tabCount != _columns.Length - 1)
        {
            reason = LineRejectReason.WrongFieldCount;
            return false;
        }

        long timestampMs = 0, bytesSent = 0, status = 0;
        double timeTakenMs = 0;
        double? timeToFirstByteMs = null;
        ReadOnlySpan<byte> ip = default, host = default, uriStem = default;
        string? responseResultType = null, detailedResultType = null, country = null;

        // Only the columns CdnPulse reads are visited; the separators already bound every field.
        var last = _columns.Length - 1;
        foreach (var (index, column) in _used)
        {
            var value = text[(index == 0 ? 0 : tabs[index - 1] + 1)..(index == last ? text.Length : tabs[index])];
            switch (column)
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
                        ip = value;
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
                        host = value;
                    }

                    break;
                case Column.UriStem:
                    uriStem = value;
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

        line = new RealtimeLogLine(
            timestampMs, ip, (int)status, bytesSent, host, uriStem, timeTakenMs, responseResultType, detailedResultType, country,
            timeToFirstByteMs);
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

    private LineRejectReason CheckSize(ReadOnlySpan<byte> line)
    {
        // A line starting with anything but a space is not blank: the usual case needs no scan.
        if (line.IsEmpty || (line[0] == (byte)' ' && line.Trim((byte)' ').IsEmpty))
        {
            return LineRejectReason.Empty;
        }

        if (line.Length > MaxLineBytes)
        {
            return LineRejectReason.Oversize;
        }

        return LineRejectReason.None;
    }

    private static ReadOnlySpan<byte> TrimLineBreak(ReadOnlySpan<byte> line)
    {
        var length = line.Length;
        if (length > 0 && line[length - 1] == (byte)'\n')
        {
            length--;
        }

        if (length > 0 && line[length - 1] == (byte)'\r')
        {
            length--;
        }

        return line[..length];
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
