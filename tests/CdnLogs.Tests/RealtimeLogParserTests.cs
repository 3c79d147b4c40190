using System.Text;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs.Tests;

public class RealtimeLogParserTests
{
    private readonly RealtimeLogParser _parser = new(RealtimeLogFormat.Default);

    [Fact]
    public void Parses_a_realistic_line_in_the_default_format()
    {
        var line = "1634814300.123\t203.0.113.7\t200\t5432\td111111abcdef8.cloudfront.net\t/images/cat.jpg\t412\t0.002\tHit\tRefreshHit\tUS\n"u8;

        Assert.True(_parser.TryParse(line, out var request, out var reason));

        Assert.Equal(LineRejectReason.None, reason);
        var expected = new CdnRequest(
            1634814300123, "203.0.113.7", 200, 5432, "d111111abcdef8.cloudfront.net", "/images/cat.jpg", 2.0,
            "Hit", "RefreshHit", "US", null, null);
        Assert.Equal(expected, request);
    }

    [Fact]
    public void Parses_a_line_with_every_canonical_field()
    {
        var parser = new RealtimeLogParser(RealtimeLogFormat.All);
        var line = Lines.Utf8(
            "1634814300.456", "2001:db8::1", "0.001", "304", "321", "GET", "https", "www.example.com", "/index.html",
            "412", "IAD89-C1", "Yx8Kp0Nq==", "d111111abcdef8.cloudfront.net", "0.004", "HTTP/2.0", "IPv6",
            "Mozilla/5.0%20(X11)", "-", "-", "-", "Miss", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Miss", "-", "-",
            "text/html", "5000", "-", "-", "53251", "OriginConnectError", "DE", "gzip", "text/html", "*",
            "Host:www.example.com", "Host", "1", "-", "-", "0.003", "0.003", "7922");

        Assert.True(parser.TryParse(line, out var request, out _));

        var expected = new CdnRequest(
            1634814300456, "2001:db8::1", 304, 321, "www.example.com", "/index.html", 4.0,
            "Miss", "OriginConnectError", "DE", null, 1.0);
        Assert.Equal(expected, request);
    }

    [Fact]
    public void Parses_a_custom_subset_selected_out_of_order()
    {
        var format = new RealtimeLogFormat(
            ["c-country", "time-to-first-byte", "cs-uri-stem", "sc-bytes", "timestamp", "cs-host", "c-ip", "sc-status"]);
        var parser = new RealtimeLogParser(format);
        var line = Lines.Utf8("1700000000.5", "198.51.100.20", "0.250", "404", "777", "cdn.example.org", "/missing", "JP");

        Assert.True(parser.TryParse(line, out var request, out _));

        var expected = new CdnRequest(
            1700000000500, "198.51.100.20", 404, 777, "cdn.example.org", "/missing", 0, null, null, "JP", null, 250.0);
        Assert.Equal(expected, request);
    }

    [Fact]
    public void Reads_dash_as_null_for_optional_fields()
    {
        var line = Lines.Default(("x-edge-response-result-type", "-"), ("x-edge-detailed-result-type", "-"), ("c-country", "-"));

        Assert.True(_parser.TryParse(line, out var request, out _));

        Assert.Null(request.EdgeResponseResultType);
        Assert.Null(request.EdgeDetailedResultType);
        Assert.Null(request.Country);
        Assert.Equal("/images/cat.jpg", request.UriStem);
    }

    [Fact]
    public void Reads_dash_as_null_for_time_to_first_byte()
    {
        var parser = new RealtimeLogParser(RealtimeLogFormat.All);
        var values = Enumerable.Repeat("-", 45).ToArray();
        (values[0], values[1], values[3], values[4], values[7], values[8], values[13]) =
            ("1634814300.000", "192.0.2.1", "200", "10", "h.example", "/", "0.010");

        Assert.True(parser.TryParse(Lines.Utf8(values), out var request, out _));

        Assert.Null(request.TimeToFirstByteMs);
        Assert.Equal(10.0, request.TimeTakenMs);
    }

    [Theory]
    [InlineData("1634814300.123", 1634814300123L)]
    [InlineData("1634814300", 1634814300000L)]
    [InlineData("1634814300.1", 1634814300100L)]
    [InlineData("1634814300.12", 1634814300120L)]
    [InlineData("1634814300.999", 1634814300999L)]
    [InlineData("1634814300.123999", 1634814300123L)]
    [InlineData("0.001", 1L)]
    public void Reads_fractional_epoch_seconds_as_exact_milliseconds(string timestamp, long expectedMs)
    {
        Assert.True(_parser.TryParse(Lines.Default(("timestamp", timestamp)), out var request, out _));

        Assert.Equal(expectedMs, request.TimestampMs);
    }

    [Theory]
    [InlineData("0.002", 2.0)]
    [InlineData("0.3", 300.0)]
    [InlineData("0.6", 600.0)]
    [InlineData("1.000", 1000.0)]
    [InlineData("12", 12000.0)]
    [InlineData("0.0025", 2.5)]
    [InlineData("123.456", 123456.0)]
    public void Reads_time_taken_seconds_as_exact_milliseconds(string timeTaken, double expectedMs)
    {
        Assert.True(_parser.TryParse(Lines.Default(("time-taken", timeTaken)), out var request, out _));

        Assert.Equal(expectedMs, request.TimeTakenMs);
    }

    [Theory]
    [InlineData("2001:db8:85a3::8a2e:370:7334")]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("::1")]
    [InlineData("::ffff:192.0.2.128")]
    public void Accepts_IPv6_client_addresses(string ip)
    {
        Assert.True(_parser.TryParse(Lines.Default(("c-ip", ip)), out var request, out _));

        Assert.Equal(ip, request.ClientIp);
    }

    [Fact]
    public void Trims_a_trailing_crlf()
    {
        var line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Lines.Default()) + "\r\n");

        Assert.True(_parser.TryParse(line, out var request, out _));

        Assert.Equal("US", request.Country);
    }

    [Fact]
    public void Status_000_for_a_viewer_that_hung_up_is_accepted_as_zero()
    {
        Assert.True(_parser.TryParse(Lines.Default(("sc-status", "000")), out var request, out _));

        Assert.Equal(0, request.Status);
    }

    [Fact]
    public void Keeps_non_ascii_utf8_in_the_path()
    {
        Assert.True(_parser.TryParse(Lines.Default(("cs-uri-stem", "/bilder/größe.png")), out var request, out _));

        Assert.Equal("/bilder/größe.png", request.UriStem);
    }
}
