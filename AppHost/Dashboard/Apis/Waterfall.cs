using CdnPulse.Dashboard.Store;

namespace CdnPulse.Dashboard.Apis;

/// <summary>
/// A trace laid out for a waterfall: rows in depth-first order (children by start time), offsets from the trace's
/// start, plus <c>LinkedFrom</c>: spans of other traces that link here, where this trace's work continued as part of a group.
/// </summary>
internal sealed record Waterfall(
    string TraceId,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<string> Services,
    IReadOnlyList<WaterfallRow> Rows,
    IReadOnlyList<StoredSpan> LinkedFrom)
{
    public static Waterfall Of(IReadOnlyList<StoredSpan> spans, IReadOnlyList<StoredSpan> linkedFrom)
    {
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.Start + TimeSpan.FromMilliseconds(s.DurationMs));
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var rows = new List<WaterfallRow>(spans.Count);
        // Roots, and spans whose parent is not (or no longer) stored, start a subtree each.
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start))
        {
            Visit(root, 0);
        }
        return new Waterfall(spans[0].TraceId, start, (end - start).TotalMilliseconds,
            [.. spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], rows, linkedFrom);

        void Visit(StoredSpan span, int depth)
        {
            rows.Add(new WaterfallRow(span, (span.Start - start).TotalMilliseconds, depth));
            foreach (var child in children[span.SpanId].OrderBy(s => s.Start))
            {
                Visit(child, depth + 1);
            }
        }
    }
}
