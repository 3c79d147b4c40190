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
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("2001:DB8::1")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::2:3:4:5:6:7:8")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("fe80::1%eth0")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2:3:4:5:6:7:8")]
    [InlineData("1::2::3")]
    [InlineData("12345::")]
    [InlineData(":1::")]
    [InlineData(":::")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("[::1]")]
    public void Accepts_an_IPv6_client_address_exactly_when_IPAddress_does(string ip)
    {
        // The usual forms are checked without the framework's parser; the verdict must be the same.
        var accepted = _parser.TryParse(Lines.Default(("c-ip", ip)), out _, out var reason);

        Assert.Equal(System.Net.IPAddress.IsValid(ip), accepted);
        Assert.Equal(accepted ? LineRejectReason.None : LineRejectReason.BadIp, reason);
    }

    [Fact]
    public void Rejects_a_long_line_with_many_extra_tabs()
    {
        // More tabs than columns inside one vector block: counted, not written past the positions buffer.
        var line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Lines.Default()) + new string('\t', 300) + new string('x', 100));

        AssertRejected(line, LineRejectReason.WrongFieldCount);
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

    [Fact]
    public void Checks_UTF8_wherever_the_bad_byte_falls()
    {
        // Lines of every length up to past two 64-byte blocks, short ones included, so every vector width and the scalar
        // tail see the byte; an accented path is valid UTF-8 and still accepted.
        for (var length = 1; length <= 160; length++)
        {
            var path = "/" + new string('a', length - 1);
            var bad = Lines.Default(("cs-uri-stem", path));
            bad[Array.IndexOf(bad, (byte)'/') + length - 1] = 0xFF;
            AssertRejected(bad, LineRejectReason.InvalidUtf8);
            AssertRejected([.. "a\t"u8, .. Enumerable.Repeat((byte)'b', length), 0xFF], LineRejectReason.InvalidUtf8);

            Assert.True(_parser.TryParse(Lines.Default(("cs-uri-stem", path + "é")), out var request, out _));
            Assert.Equal(path + "é", request.UriStem);
        }
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
