using System.Net;

namespace CdnPulse.Kinesis;

/// <summary>
/// A Kinesis API call answered with a non-success status. <see cref="ErrorType"/> is the API's error name
/// (the <c>__type</c> value without its namespace prefix), for example ResourceNotFoundException.
/// </summary>
public sealed class KinesisException : Exception
{
    public const string ProvisionedThroughputExceeded = "ProvisionedThroughputExceededException";
    public const string LimitExceeded = "LimitExceededException";
    public const string ExpiredIterator = "ExpiredIteratorException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceInUse = "ResourceInUseException";

    public KinesisException(string operation, string errorType, string? errorMessage, HttpStatusCode httpStatusCode, string? requestId = null)
        : base(FormatMessage(operation, errorType, errorMessage, httpStatusCode))
    {
        Operation = operation;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        HttpStatusCode = httpStatusCode;
        RequestId = requestId;
    }

    public string Operation { get; }

    public string ErrorType { get; }

    /// <summary>The service's own message, without the operation and status this exception's Message adds.</summary>
    public string? ErrorMessage { get; }

    public HttpStatusCode HttpStatusCode { get; }

    public string? RequestId { get; }

    /// <summary>The caller should back off and retry: shard or account limits, or HTTP 429/503.</summary>
    public bool IsThrottling =>
        ErrorType is ProvisionedThroughputExceeded or LimitExceeded
        || HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>The shard iterator is older than five minutes; get a new one from the last sequence number read.</summary>
    public bool IsExpiredIterator => ErrorType == ExpiredIterator;

    public bool IsResourceNotFound => ErrorType == ResourceNotFound;

    /// <summary>The stream already exists, or is not ACTIVE for the requested change.</summary>
    public bool IsResourceInUse => ErrorType == ResourceInUse;

    private static string FormatMessage(string operation, string errorType, string? errorMessage, HttpStatusCode status) =>
        $"Kinesis {operation} failed with HTTP {(int)status} {errorType}" + (string.IsNullOrEmpty(errorMessage) ? "." : $": {errorMessage}");
}
