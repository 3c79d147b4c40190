using System.Diagnostics;

namespace CdnPulse.EventStore;

/// <summary>Where an event came from: correlation and causation ids, the W3C trace context and free-form headers.</summary>
public sealed record EventMetadata(
    string? CorrelationId,
    string? CausationId,
    string? TraceParent,
    string? TraceState,
    IReadOnlyDictionary<string, string>? Headers)
{
    public static EventMetadata Empty { get; } = new(null, null, null, null, null);

    /// <summary>Captures <c>traceparent</c>/<c>tracestate</c> of <see cref="Activity.Current"/> (W3C ids only), so a projection can link back to the append.</summary>
    public static EventMetadata FromCurrentActivity(string? correlationId, string? causationId, IReadOnlyDictionary<string, string>? headers = null)
    {
        var activity = Activity.Current;
        var traceParent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
        return new EventMetadata(correlationId, causationId, traceParent, traceParent is null ? null : activity?.TraceStateString, headers);
    }
}
