using System.Text;

namespace CdnPulse.CdnLogs.Tests;

public class LineRejectTests
{
    private readonly RealtimeLogParser _parser = new(RealtimeLogFormat.Default);

    [Fact]
    public void Rejects_line_with_wrong_field_count()
    {
        var tooFew = "1634814300.123\t203.0.113.7\t200\t5432\texample.com\t/\t412\t0.002\tHit\tHit"u8;
        var tooMany = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Lines.Default()) + "\textra");

        AssertRejected(tooFew, LineRejectReason.WrongFieldCount);
        AssertRejected(tooMany, LineRejectReason.WrongFieldCount);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("abc")]
    [InlineData("1634814300.")]
    [InlineData(".123")]
    [InlineData("1634814300.12x")]
    [InlineData("-1634814300")]
    [InlineData("1634814300.1.2")]
    public void Rejects_line_with_bad_timestamp(string timestamp)
    {
        AssertRejected(Lines.Default(("timestamp", timestamp)), LineRejectReason.BadTimestamp);
    }

    [Theory]
    [InlineData("sc-status", "2OO")]
    [InlineData("sc-status", "-")]
    [InlineData("sc-status", "2000")]
    [InlineData("sc-bytes", "-")]
    [InlineData("sc-bytes", "12kb")]
    [InlineData("sc-bytes", "-5")]
    [InlineData("time-taken", "fast")]
    [InlineData("time-taken", "-")]
    [InlineData("time-taken", "0.")]
    [InlineData("time-taken", "1e3")]
    public void Rejects_line_with_bad_number(string field, string value)
    {
        AssertRejected(Lines.Default((field, value)), LineRejectReason.BadNumber);
    }

    [Fact]
    public void Rejects_line_with_bad_time_to_first_byte_as_bad_number()
    {
        var parser = new RealtimeLogParser(RealtimeLogFormat.Parse("timestamp,c-ip,time-to-first-byte,sc-status,sc-bytes,cs-host,cs-uri-stem"));
        var line = Lines.Utf8("1634814300.123", "192.0.2.1", "soon", "200", "1", "h.example", "/");

        Assert.False(parser.TryParse(line, out _, out var reason));
        Assert.Equal(LineRejectReason.BadNumber, reason);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("not-an-ip")]
    [InlineData("999.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1234")]
    [InlineData("2001:db8::g")]
    public void Rejects_line_with_bad_ip(string ip)
    {
        AssertRejected(Lines.Default(("c-ip", ip)), LineRejectReason.BadIp);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    public void Rejects_line_with_missing_host(string host)
    {
        AssertRejected(Lines.Default(("cs-host", host)), LineRejectReason.MissingHost);
    }

    [Fact]
    public void Rejects_line_longer_than_the_maximum()
    {
        var line = Lines.Default();
        var exact = new RealtimeLogParser(RealtimeLogFormat.Default, maxLineBytes: line.Length);
        var shorter = new RealtimeLogParser(RealtimeLogFormat.Default, maxLineBytes: line.Length - 1);

        Assert.True(exact.TryParse(line, out _, out _));
        Assert.False(shorter.TryParse(line, out _, out var reason));
        Assert.Equal(LineRejectReason.Oversize, reason);
    }

    [Fact]
    public void Rejects_line_over_64_KiB_by_default()
    {
        var line = Lines.Default(("cs-uri-stem", "/" + new string('a', 64 * 1024)));

        AssertRejected(line, LineRejectReason.Oversize);
        Assert.Equal(65536, RealtimeLogParser.DefaultMaxLineBytes);
    }

    [Fact]
    public void Rejects_line_with_invalid_utf8()
    {
        var line = Lines.Default(("cs-uri-stem", "/PLACEHOLDER"));
        var at = line.AsSpan().IndexOf("PLACEHOLDER"u8);
        line[at] = 0xC3;
        line[at + 1] = 0x28;

        AssertRejected(line, LineRejectReason.InvalidUtf8);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("   ")]
    public void Rejects_empty_line(string text)
    {
        AssertRejected(Encoding.UTF8.GetBytes(text), LineRejectReason.Empty);
    }

    private void AssertRejected(ReadOnlySpan<byte> line, LineRejectReason expected)
    {
        Assert.False(_parser.TryParse(line, out var request, out var reason));
        Assert.Equal(expected, reason);
        Assert.Null(request);
    }
}
