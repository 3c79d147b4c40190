namespace CdnPulse.CdnLogs;

/// <summary>
/// A CloudFront real-time log field. The numeric value is the field's position in CloudFront's
/// canonical order, so sorting by value gives the order of the tab-separated columns.
/// </summary>
/// <remarks>
/// Sources (checked 2025): fields 0–39 and their order are AWS's "Real-time log configuration fields" list
/// (CloudFront Developer Guide, real-time-logs.md, archived as awsdocs/amazon-cloudfront-developer-guide
/// doc_source/real-time-logs.md: "listed in the order in which they appear in the log records delivered to
/// Kinesis Data Streams"); the API reference for RealtimeLogConfig.Fields says an API response lists the
/// fields "in the same order in which they are sent to the Amazon Kinesis data stream".
/// Fields 40–44 follow cs-headers-count in that order in every current field list we found
/// (for example a Terraform provider's canonical-order map citing
/// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/real-time-logs.html#real-time-logs-fields).
/// The same third-party lists also show s-ip (between c-ip and time-to-first-byte) and, after asn, cmcd-*,
/// r-host, sr-reason, x-edge-mqcs, distribution-tenant-id and connection-id. AWS's own current page was not
/// available to confirm them, so they are left out: a configuration selecting them is rejected with an error
/// naming the field instead of being parsed with shifted columns.
/// </remarks>
public enum RealtimeLogField
{
    Timestamp,
    CIp,
    TimeToFirstByte,
    ScStatus,
    ScBytes,
    CsMethod,
    CsProtocol,
    CsHost,
    CsUriStem,
    CsBytes,
    XEdgeLocation,
    XEdgeRequestId,
    XHostHeader,
    TimeTaken,
    CsProtocolVersion,
    CIpVersion,
    CsUserAgent,
    CsReferer,
    CsCookie,
    CsUriQuery,
    XEdgeResponseResultType,
    XForwardedFor,
    SslProtocol,
    SslCipher,
    XEdgeResultType,
    FleEncryptedFields,
    FleStatus,
    ScContentType,
    ScContentLen,
    ScRangeStart,
    ScRangeEnd,
    CPort,
    XEdgeDetailedResultType,
    CCountry,
    CsAcceptEncoding,
    CsAccept,
    CacheBehaviorPathPattern,
    CsHeaders,
    CsHeaderNames,
    CsHeadersCount,
    PrimaryDistributionId,
    PrimaryDistributionDnsName,
    OriginFbl,
    OriginLbl,
    Asn,
}
