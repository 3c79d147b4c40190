namespace CdnPulse.CdnLogs;

/// <summary>Why a log line was not turned into a request.</summary>
public enum LineRejectReason
{
    /// <summary>The line was accepted.</summary>
    None,

    /// <summary>The number of tab-separated fields differs from the configured format.</summary>
    WrongFieldCount,

    /// <summary>timestamp is missing or not epoch seconds with an optional fraction.</summary>
    BadTimestamp,

    /// <summary>sc-status, sc-bytes, time-taken or time-to-first-byte is not a number.</summary>
    BadNumber,

    /// <summary>c-ip is not an IPv4 or IPv6 address.</summary>
    BadIp,

    /// <summary>cs-host is empty or <c>-</c>.</summary>
    MissingHost,

    /// <summary>The line is longer than the parser's maximum.</summary>
    Oversize,

    /// <summary>The line is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The line has no content.</summary>
    Empty,

    /// <summary>The record around the line could not be decoded (for example invalid base64 in a Firehose record).</summary>
    BadEncoding,

    /// <summary>A JSON record (Lambda@Edge) lacks a required field or is not an object.</summary>
    MissingField,
}
