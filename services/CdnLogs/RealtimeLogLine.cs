namespace CdnPulse.CdnLogs;

/// <summary>
/// One accepted real-time log line as read by <see cref="RealtimeLogParser.TryRead"/>, without allocating: the
/// variable text fields are UTF-8 slices of the line (valid as long as the line's buffer is), numbers are parsed, and
/// the low-cardinality fields are shared strings. <see cref="RealtimeLogParser.TryParse(ReadOnlySpan{byte}, out Contracts.CdnRequest?, out LineRejectReason)"/>
/// turns the same values into a <see cref="Contracts.CdnRequest"/>.
/// </summary>
public readonly ref struct RealtimeLogLine
{
    internal RealtimeLogLine(
        long timestampMs, ReadOnlySpan<byte> clientIp, int status, long bytesSent, ReadOnlySpan<byte> host, ReadOnlySpan<byte> uriStem,
        double timeTakenMs, string? edgeResponseResultType, string? edgeDetailedResultType, string? country, double? timeToFirstByteMs)
    {
        TimestampMs = timestampMs;
        ClientIp = clientIp;
        Status = status;
        BytesSent = bytesSent;
        Host = host;
        UriStem = uriStem;
        TimeTakenMs = timeTakenMs;
        EdgeResponseResultType = edgeResponseResultType;
        EdgeDetailedResultType = edgeDetailedResultType;
        Country = country;
        TimeToFirstByteMs = timeToFirstByteMs;
    }

    /// <summary>Request time, Unix epoch milliseconds (UTC).</summary>
    public long TimestampMs { get; }

    /// <summary>c-ip as UTF-8 (an IPv4 or IPv6 address; checked).</summary>
    public ReadOnlySpan<byte> ClientIp { get; }

    public int Status { get; }

    public long BytesSent { get; }

    /// <summary>cs-host as UTF-8 (never empty or <c>-</c>).</summary>
    public ReadOnlySpan<byte> Host { get; }

    /// <summary>cs-uri-stem as UTF-8.</summary>
    public ReadOnlySpan<byte> UriStem { get; }

    public double TimeTakenMs { get; }

    public string? EdgeResponseResultType { get; }

    public string? EdgeDetailedResultType { get; }

    /// <summary>CloudFront's c-country, or null.</summary>
    public string? Country { get; }

    public double? TimeToFirstByteMs { get; }
}
