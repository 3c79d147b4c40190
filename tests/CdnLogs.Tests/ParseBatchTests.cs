using System.Text;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs.Tests;

public class ParseBatchTests
{
    private readonly RealtimeLogParser _parser = new(RealtimeLogFormat.Default);

    [Fact]
    public void Batch_with_one_bad_line_in_the_middle_keeps_the_others_and_reports_the_bad_one()
    {
        var body = Join(
            Lines.Default(("timestamp", "1634814300.000"), ("cs-uri-stem", "/a")),
            Lines.Default(("timestamp", "1634814301.000"), ("c-ip", "not-an-ip")),
            Lines.Default(("timestamp", "1634814302.000"), ("cs-uri-stem", "/c")));
        var accepted = new List<CdnRequest>();
        var rejects = new RejectCounter();

        var count = _parser.ParseBatch(body, accepted, rejects);

        Assert.Equal(2, count);
        Assert.Equal(["/a", "/c"], accepted.Select(r => r.UriStem));
        Assert.Equal(1, rejects.Total);
        Assert.Equal(1, rejects.Count(LineRejectReason.BadIp));
        Assert.Equal(0, rejects.Count(LineRejectReason.WrongFieldCount));
        var sample = Assert.Single(rejects.Samples);
        Assert.Equal(2, sample.LineNumber);
        Assert.Equal(LineRejectReason.BadIp, sample.Reason);
        Assert.StartsWith("1634814301.000\u2409not-an-ip\u2409200", sample.Text);
    }

    [Fact]
    public void Final_line_break_does_not_count_as_an_empty_line()
    {
        var body = Join(Lines.Default(), Lines.Default()).Concat("\n"u8.ToArray()).ToArray();
        var accepted = new List<CdnRequest>();
        var rejects = new RejectCounter();

        Assert.Equal(2, _parser.ParseBatch(body, accepted, rejects));
        Assert.Equal(0, rejects.Total);
    }

    [Fact]
    public void Batch_with_crlf_line_endings_and_a_blank_line_counts_the_blank_line_as_empty()
    {
        var line = Encoding.UTF8.GetString(Lines.Default());
        var body = Encoding.UTF8.GetBytes($"{line}\r\n\r\n{line}\r\n");
        var accepted = new List<CdnRequest>();
        var rejects = new RejectCounter();

        Assert.Equal(2, _parser.ParseBatch(body, accepted, rejects));
        Assert.Equal(1, rejects.Count(LineRejectReason.Empty));
        Assert.Equal(2, Assert.Single(rejects.Samples).LineNumber);
    }

    [Fact]
    public void Reject_counter_keeps_only_the_first_samples_but_counts_every_reject()
    {
        var bad = Lines.Default(("sc-bytes", "lots"));
        var body = Join(bad, bad, bad, Lines.Default(("timestamp", "yesterday")));
        var rejects = new RejectCounter(maxSamples: 2);

        Assert.Equal(0, _parser.ParseBatch(body, new List<CdnRequest>(), rejects));

        Assert.Equal(4, rejects.Total);
        Assert.Equal(new Dictionary<LineRejectReason, int>
        {
            [LineRejectReason.BadNumber] = 3,
            [LineRejectReason.BadTimestamp] = 1,
        }, rejects.ByReason());
        Assert.Equal([1, 2], rejects.Samples.Select(s => s.LineNumber));
    }

    [Fact]
    public void Reject_sample_is_cut_to_200_characters_without_control_characters()
    {
        var body = Encoding.UTF8.GetBytes("\u001b[31m" + new string('x', 300) + "\r\n");
        var rejects = new RejectCounter();

        _parser.ParseBatch(body, new List<CdnRequest>(), rejects);

        var sample = Assert.Single(rejects.Samples);
        Assert.Equal(LineRejectReason.WrongFieldCount, sample.Reason);
        Assert.Equal(200, sample.Text.Length);
        Assert.Equal("\uFFFD[31mxxx", sample.Text[..8]);
        Assert.DoesNotContain(sample.Text, char.IsControl);
    }

    [Fact]
    public void Empty_body_parses_to_nothing()
    {
        var accepted = new List<CdnRequest>();
        var rejects = new RejectCounter();

        Assert.Equal(0, _parser.ParseBatch([], accepted, rejects));
        Assert.Empty(accepted);
        Assert.Equal(0, rejects.Total);
    }

    private static byte[] Join(params byte[][] lines) =>
        [.. lines.SelectMany((line, i) => i == 0 ? line : [(byte)'\n', .. line])];
}
