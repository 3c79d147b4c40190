using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Options;
using CdnPulse.LoadGen.Running;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Tests;

/// <summary>Settings and runs with a fixed start, so every test sees reproducible lines.</summary>
internal static class Traffic
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static TrafficSettings Settings(ulong seed = 7, RealtimeLogFormat? format = null, double rate = 1000) =>
        new() { Seed = seed, StartMs = Start.ToUnixTimeMilliseconds(), Format = format ?? RealtimeLogFormat.Default, LinesPerSecond = rate };

    public static List<GeneratedLine> Generate(ClientPool clients, int count, TrafficSettings? settings = null)
    {
        var generator = new TrafficGenerator(settings ?? Settings(), clients);
        return [.. Enumerable.Range(0, count).Select(_ => generator.Next())];
    }

    public static LoadGenOptions FileOptions(string path, long lines, string? fields = null, ulong seed = 7) => new()
    {
        Sink = SinkKind.File,
        FilePath = path,
        Lines = lines,
        LinesPerSecond = 500,
        Start = Start,
        Seed = seed,
        Format = fields is null ? RealtimeLogFormat.Default : RealtimeLogFormat.Parse(fields),
        Fast = true,
        Progress = false,
    };

    /// <summary>Runs a session to completion and returns its totals document.</summary>
    public static async Task<Totals.TotalsDocument> RunAsync(LoadGenOptions options, ClientPool clients)
    {
        await using var session = await LoadSession.OpenAsync(options, Start, clients);
        var result = await session.RunAsync(CancellationToken.None);
        Assert.True(result.Complete, result.Error);
        return session.Document(result);
    }

    public static string[] ReadLines(string path) => File.ReadAllText(path, Encoding.UTF8).Split('\n')[..^1];
}
