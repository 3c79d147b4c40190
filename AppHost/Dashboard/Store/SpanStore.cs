namespace CdnPulse.Dashboard.Store;

/// <summary>
/// The most recent spans, at most <c>capacity</c> of them, indexed by trace. When full, the oldest received span is
/// evicted first, so a long trace loses its earliest spans before a recent trace loses any. A span received twice (an
/// exporter retry) is kept once.
/// </summary>
public sealed class SpanStore(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<StoredSpan> _arrival = new();
    private readonly Dictionary<string, List<StoredSpan>> _traces = new(StringComparer.Ordinal);

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _arrival.Count;
            }
        }
    }

    public void Add(IEnumerable<StoredSpan> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = [];
                    _traces[span.TraceId] = trace;
                }
                else if (trace.Exists(s => s.SpanId == span.SpanId))
                {
                    continue;
                }
                trace.Add(span);
                _arrival.Enqueue(span);
                while (_arrival.Count > capacity)
                {
                    Evict(_arrival.Dequeue());
                }
            }
        }
    }

    /// <summary>The spans of one trace ordered by start time, or null when none is stored.</summary>
    public IReadOnlyList<StoredSpan>? Trace(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId, out var trace) ? [.. trace.OrderBy(s => s.Start)] : null;
        }
    }

    /// <summary>Spans of other traces that link to a span of this one (a batch consumer folding this trace's message with others).</summary>
    public IReadOnlyList<StoredSpan> LinkingTo(string traceId)
    {
        lock (_gate)
        {
            return [.. _arrival.Where(s => s.TraceId != traceId && s.Links.Any(l => l.TraceId == traceId)).OrderBy(s => s.Start)];
        }
    }

    /// <summary>Matching traces, most recent first.</summary>
    public IReadOnlyList<TraceSummary> Find(TraceQuery query)
    {
        List<List<StoredSpan>> traces;
        lock (_gate)
        {
            traces = [.. _traces.Values.Select(t => t.ToList())];
        }
        return [.. traces.Where(t => Matches(t, query)).Select(Summarize)
            .Where(s => query.MinDurationMs is not { } min || s.DurationMs >= min)
            .OrderByDescending(s => s.Start)
            .Take(Math.Max(1, query.Limit))];
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _arrival.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    private void Evict(StoredSpan span)
    {
        var trace = _traces[span.TraceId];
        trace.Remove(span);
        if (trace.Count == 0)
        {
            _traces.Remove(span.TraceId);
        }
    }

    private static bool Matches(List<StoredSpan> trace, TraceQuery query)
    {
        if (query.Service is { Length: > 0 } service && !trace.Exists(s => s.Service == service))
        {
            return false;
        }
        if (query.ErrorsOnly && !trace.Exists(s => s.IsError))
        {
            return false;
        }
        return query.Text is not { Length: > 0 } text || trace.Exists(s =>
            s.Name.Contains(text, StringComparison.OrdinalIgnoreCase) ||
            s.TraceId.Equals(text, StringComparison.OrdinalIgnoreCase) ||
            s.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase)));
    }

    private static TraceSummary Summarize(List<StoredSpan> trace)
    {
        var ids = trace.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        // The root is the span without a parent; while it has not arrived (or was evicted), the earliest orphan stands in.
        var root = trace.Where(s => s.ParentSpanId is null).MinBy(s => s.Start)
            ?? trace.Where(s => !ids.Contains(s.ParentSpanId!)).MinBy(s => s.Start)
            ?? trace.MinBy(s => s.Start)!;
        var start = trace.Min(s => s.Start);
        var end = trace.Max(s => s.Start + TimeSpan.FromMilliseconds(s.DurationMs));
        return new TraceSummary(root.TraceId, root.Name, root.Service, start, (end - start).TotalMilliseconds, trace.Count,
            trace.Count(s => s.IsError), [.. trace.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
