using System.Globalization;
using System.Text;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Writes a <see cref="CdnRequest"/> as a CloudFront real-time log line in a given format, for sample traffic
/// and tests. <see cref="RealtimeLogParser"/> reads the line back to an equal request for the fields the format
/// carries. Fields a request does not hold are written as <c>-</c>, except cs-bytes, which gets a plausible size.
/// </summary>
public sealed class LogLineWriter
{
    /// <summary>The cs-bytes value written, since a <see cref="CdnRequest"/> does not carry the request size.</summary>
    public const long PlaceholderRequestBytes = 200;

    public LogLineWriter(RealtimeLogFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
    }

    public RealtimeLogFormat Format { get; }

    /// <summary>The line, without a line break.</summary>
    public string Write(CdnRequest request)
    {
        var builder = new StringBuilder(256);
        AppendTo(builder, request);
        return builder.ToString();
    }

    /// <summary>Appends the line, without a line break.</summary>
    public void AppendTo(StringBuilder builder, CdnRequest request)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.TimestampMs);

        for (var i = 0; i < Format.Fields.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('\t');
            }

            AppendField(builder, Format.Fields[i], request);
        }
    }

    private static void AppendField(StringBuilder builder, RealtimeLogField field, CdnRequest request)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (field)
        {
            case RealtimeLogField.Timestamp:
                builder.Append(invariant, $"{request.TimestampMs / 1000}.{request.TimestampMs % 1000:000}");
                break;
            case RealtimeLogField.CIp:
                AppendText(builder, request.ClientIp);
                break;
            case RealtimeLogField.ScStatus:
                builder.Append(invariant, $"{request.Status:000}");
                break;
            case RealtimeLogField.ScBytes:
                builder.Append(request.BytesSent);
                break;
            case RealtimeLogField.CsHost:
                AppendText(builder, request.Host);
                break;
            case RealtimeLogField.CsUriStem:
                AppendText(builder, request.UriStem);
                break;
            case RealtimeLogField.CsBytes:
                builder.Append(PlaceholderRequestBytes);
                break;
            case RealtimeLogField.TimeTaken:
                builder.Append(Seconds(request.TimeTakenMs));
                break;
            case RealtimeLogField.TimeToFirstByte:
                builder.Append(request.TimeToFirstByteMs is { } ttfb ? Seconds(ttfb) : "-");
                break;
            case RealtimeLogField.XEdgeResponseResultType:
                AppendOptional(builder, request.EdgeResponseResultType);
                break;
            case RealtimeLogField.XEdgeDetailedResultType:
                AppendOptional(builder, request.EdgeDetailedResultType);
                break;
            case RealtimeLogField.CCountry:
                AppendOptional(builder, request.Country);
                break;
            default:
                builder.Append('-');
                break;
        }
    }

    // CloudFront writes seconds with three decimals; more are kept so fractional milliseconds survive.
    private static string Seconds(double milliseconds)
    {
        if (!double.IsFinite(milliseconds) || milliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, "A duration must be a finite, non-negative number.");
        }

        return ((decimal)milliseconds / 1000m).ToString("0.000############", CultureInfo.InvariantCulture);
    }

    private static void AppendOptional(StringBuilder builder, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            builder.Append('-');
        }
        else
        {
            AppendText(builder, value);
        }
    }

    // Separators inside a value would shift every later column; CloudFront percent-encodes them too.
    private static void AppendText(StringBuilder builder, string? value)
    {
        foreach (var c in value ?? "")
        {
            _ = c switch
            {
                '\t' => builder.Append("%09"),
                '\n' => builder.Append("%0A"),
                '\r' => builder.Append("%0D"),
                _ => builder.Append(c),
            };
        }
    }
}
