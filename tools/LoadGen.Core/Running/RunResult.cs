using CdnPulse.LoadGen.Totals;

namespace CdnPulse.LoadGen.Running;

/// <summary>The outcome of a run: totals of the acknowledged lines only, whether every planned line made it, and why not.</summary>
/// <param name="Totals">Totals of the acknowledged lines.</param>
/// <param name="Complete">True when every planned line was acknowledged.</param>
/// <param name="Error">Why the run ended early, or null.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="UnconfirmedLines">Lines whose delivery was cut off: they may or may not have arrived, and are not in the totals.</param>
public sealed record RunResult(TrafficTotals Totals, bool Complete, string? Error, TimeSpan Elapsed, long UnconfirmedLines);
