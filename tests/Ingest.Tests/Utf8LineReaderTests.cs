using System.Text;
using CdnPulse.Ingest.StandardLogs;

namespace CdnPulse.Ingest.Tests;

public sealed class Utf8LineReaderTests
{
    [Fact]
    public async Task Returns_lines_with_and_without_a_final_line_break_and_numbers_them()
    {
        Assert.Equal(["a", "", "bc"], await ReadAllAsync("a\n\nbc", maxLineBytes: 10));
        Assert.Equal(["a", "bc"], await ReadAllAsync("a\nbc\n", maxLineBytes: 10));
    }

    [Fact]
    public async Task Cuts_an_oversize_line_to_one_byte_over_the_limit_and_skips_its_rest()
    {
        var text = "short\n" + new string('x', 200_000) + "\nafter\n";

        var lines = await ReadAllAsync(text, maxLineBytes: 100);

        Assert.Equal(3, lines.Count);
        Assert.Equal(101, lines[1].Length);
        Assert.Equal(["short", "after"], new[] { lines[0], lines[2] });
    }

    private static async Task<List<string>> ReadAllAsync(string text, int maxLineBytes)
    {
        var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineBytes);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
            Assert.Equal(lines.Count, reader.LineNumber);
        }
        return lines;
    }
}
