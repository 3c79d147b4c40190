using System.Globalization;
using CdnPulse.LoadGen.Cli;
using CdnPulse.LoadGen.Totals;

namespace CdnPulse.LoadGen.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Bad_options_exit_with_2_and_print_each_problem()
    {
        var messages = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await LoadGenCommand.RunAsync(["--to", "kinesis", "--rate", "fast", "--gzip"], messages, CancellationToken.None);

        var lines = messages.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LoadGenCommand.BadOptions, exitCode);
        Assert.Equal(
            [
                "cdnpulse-loadgen: --rate must be a number of lines per second above 0 and at most 10,000,000 ('fast').",
                "cdnpulse-loadgen: Say how much to send: --count <lines> or --duration <time> (with --rate, default 1000 lines/s).",
                "cdnpulse-loadgen: --gzip applies to --to firehose only.",
                "Run cdnpulse-loadgen --help for the options.",
            ],
            lines);
    }

    [Fact]
    public async Task A_file_run_writes_the_lines_and_the_totals_and_exits_with_0()
    {
        var messages = new StringWriter(CultureInfo.InvariantCulture);
        var lines = _folder.File("out/lines.log");
        var totals = _folder.File("out/totals.json");

        var exitCode = await LoadGenCommand.RunAsync(
            ["--file", lines, "--count", "2500", "--rate", "100", "--fast", "--start", "2026-01-15T10:00:00Z", "--seed", "3",
             "--totals", totals, "--no-progress"],
            messages, CancellationToken.None);

        Assert.True(exitCode == LoadGenCommand.Succeeded, messages.ToString());
        Assert.Equal(2_500, Traffic.ReadLines(lines).Length);
        var document = await TotalsFile.ReadAsync(totals);
        Assert.Equal((2_500L, 3UL, true), (document.Lines, document.Seed, document.Complete));
        Assert.Contains("Done: 2,500 lines in 2,500 records acknowledged", messages.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ip_data_folder_exits_with_1_and_says_how_to_install_it()
    {
        var messages = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await LoadGenCommand.RunAsync(
            ["--file", _folder.File("lines.log"), "--count", "5", "--ip-data", _folder.File("nowhere"), "--no-progress"], messages, CancellationToken.None);

        Assert.Equal(LoadGenCommand.DeliveryFailed, exitCode);
        Assert.Contains("npm ci --prefix tools/node", messages.ToString(), StringComparison.Ordinal);
    }
}
