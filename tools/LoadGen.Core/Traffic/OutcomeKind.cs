namespace CdnPulse.LoadGen.Traffic;

/// <summary>What the outcome means for the response's size and timing.</summary>
internal enum OutcomeKind
{
    /// <summary>A whole object (200).</summary>
    Full,

    /// <summary>A byte range of the object (206).</summary>
    Partial,

    /// <summary>Headers only: 304, redirects, refusals.</summary>
    HeadersOnly,

    /// <summary>A small error page (4xx/5xx).</summary>
    ErrorPage,

    /// <summary>The connection broke (status 000): part of the body or nothing, no time to first byte.</summary>
    Aborted,
}
