namespace CdnPulse.LoadGen.Totals;

/// <summary>
/// The totals file: what a run sent and had acknowledged, per domain × minute × country, plus the settings that
/// reproduce the lines. Written as camelCase JSON by <see cref="TotalsFile"/>.
/// </summary>
public sealed record TotalsDocument
{
    public string Generator { get; init; } = "cdnpulse-loadgen";

    public required ulong Seed { get; init; }

    /// <summary>The real-time log fields, comma-separated, in column order.</summary>
    public required string Fields { get; init; }

    /// <summary>Timestamp of the first line.</summary>
    public required DateTimeOffset Start { get; init; }

    public required double LinesPerSecond { get; init; }

    /// <summary>file, kinesis or firehose.</summary>
    public required string Sink { get; init; }

    /// <summary>Lines the run meant to send.</summary>
    public required long PlannedLines { get; init; }

    /// <summary>Lines delivered and acknowledged (written, for a file); the windows count exactly these.</summary>
    public required long Lines { get; init; }

    /// <summary>Kinesis records or Firehose records the lines went out in.</summary>
    public required long Records { get; init; }

    /// <summary>UTF-8 bytes of the acknowledged lines, line breaks included.</summary>
    public required long PayloadBytes { get; init; }

    /// <summary>Entries or requests that were sent again after a throttle or failure.</summary>
    public long Retries { get; init; }

    /// <summary>False when the run stopped early (Ctrl+C or a delivery that kept failing).</summary>
    public required bool Complete { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>Σ requests and Σ sc-bytes over every window.</summary>
    public required long Requests { get; init; }

    public required long Bytes { get; init; }

    public required IReadOnlyList<WindowTotals> Windows { get; init; }
}
