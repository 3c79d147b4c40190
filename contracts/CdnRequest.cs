namespace CdnPulse.Contracts;

/// <summary>
/// One viewer request from a CloudFront log line, reduced to the fields CdnPulse's metrics use.
/// Optional fields are null when the log configuration does not carry them or the line has <c>-</c>.
/// </summary>
/// <param name="TimestampMs">Request time, Unix epoch milliseconds (UTC).</param>
/// <param name="ClientIp">Viewer IP address (c-ip).</param>
/// <param name="Status">HTTP status returned to the viewer (sc-status).</param>
/// <param name="BytesSent">Bytes sent to the viewer including headers (sc-bytes).</param>
/// <param name="Host">Domain dimension (cs-host).</param>
/// <param name="UriStem">Path (cs-uri-stem).</param>
/// <param name="TimeTakenMs">Milliseconds from request received to last byte sent (time-taken × 1000).</param>
/// <param name="EdgeResponseResultType">x-edge-response-result-type (Hit, Miss, …).</param>
/// <param name="EdgeDetailedResultType">x-edge-detailed-result-type (OriginShieldHit, …).</param>
/// <param name="Country">Viewer country: CloudFront's c-country, or the enrichment's look-up.</param>
/// <param name="Isp">Autonomous-system organisation of the viewer IP, set by enrichment.</param>
/// <param name="TimeToFirstByteMs">time-to-first-byte × 1000, when the log carries it.</param>
public sealed record CdnRequest(
    long TimestampMs,
    string ClientIp,
    int Status,
    long BytesSent,
    string Host,
    string UriStem,
    double TimeTakenMs,
    string? EdgeResponseResultType,
    string? EdgeDetailedResultType,
    string? Country,
    string? Isp,
    double? TimeToFirstByteMs);
