using System.Diagnostics;
using OpenTelemetry;

namespace CdnPulse.ServiceDefaults;

/// <summary>
/// Keeps background polls out of the exported traces: a database, HTTP or Kinesis client span that starts a trace of
/// its own (no parent in this process and none from a caller) comes from a loop — a Kinesis GetRecords poll, a lease
/// renewal, a projection daemon looking for new events — not from work a user can follow. Such spans are marked not
/// recorded before they reach the exporter; the same calls inside a trace (a batch, a request, a message) are kept.
/// <c>Telemetry:KeepBackgroundSpans=true</c> turns the filter off.
/// </summary>
public sealed class BackgroundSpanFilter : BaseProcessor<Activity>
{
    /// <summary>The activity sources whose parentless spans are background calls.</summary>
    public static readonly IReadOnlySet<string> ClientSources = new HashSet<string>(StringComparer.Ordinal)
    {
        "Npgsql", "System.Net.Http", "CdnPulse.Kinesis",
    };

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.ParentSpanId == default && ClientSources.Contains(data.Source.Name))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
