using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Ingest.Tests;

public sealed class StandardLogParserTests
{
    private static readonly StandardLogParser Parser = new(HeaderFormat());

    [Fact]
    public void Maps_the_documented_example_line_with_the_host_header_as_domain_and_date_plus_time_as_timestamp()
    {
        Assert.True(Parser.TryParse(Encoding.UTF8.GetBytes(StandardLogLines.DocumentedExample), out var request, out var reason), reason.ToString());

        Assert.Equal(new CdnRequest(
            new DateTimeOffset(2019, 12, 4, 21, 2, 31, TimeSpan.Zero).ToUnixTimeMilliseconds(), "192.0.2.100", 200, 392,
            "d111111abcdef8.cloudfront.net", "/index.html", 1, "Hit", "Hit", null, null, 1), request);
    }

    [Fact]
    public void Prefers_x_host_header_over_the_distribution_domain()
    {
        Assert.True(Parser.TryParse(Encoding.UTF8.GetBytes(StandardLogLines.Line(7, hostHeader: "cdn.example.org")), out var request, out _));

        Assert.Equal("cdn.example.org", request.Host);
        Assert.Equal(250, request.TimeTakenMs);
        Assert.Equal(100, request.TimeToFirstByteMs);
    }

    [Fact]
    public void Falls_back_to_cs_host_when_the_host_header_is_a_dash()
    {
        Assert.True(Parser.TryParse(Encoding.UTF8.GetBytes(StandardLogLines.Line(1, hostHeader: "-")), out var request, out _));

        Assert.Equal("d111111abcdef8.cloudfront.net", request.Host);
    }

    [Theory]
    [InlineData("2019-13-04\t21:02:31", LineRejectReason.BadTimestamp)]
    [InlineData("2019-02-30\t21:02:31", LineRejectReason.BadTimestamp)]
    [InlineData("2019-12-04\t24:00:00", LineRejectReason.BadTimestamp)]
    [InlineData("2019-12-04\t21:2:31", LineRejectReason.BadTimestamp)]
    public void Rejects_an_impossible_date_or_time(string dateAndTime, LineRejectReason expected)
    {
        var line = dateAndTime + StandardLogLines.DocumentedExample[19..];

        Assert.False(Parser.TryParse(Encoding.UTF8.GetBytes(line), out _, out var reason));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("192.0.2", LineRejectReason.BadIp)]
    [InlineData("x", LineRejectReason.BadIp)]
    public void Rejects_a_bad_client_ip(string ip, LineRejectReason expected)
    {
        Assert.False(Parser.TryParse(Encoding.UTF8.GetBytes(StandardLogLines.Line(1, ip: ip)), out _, out var reason));
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Rejects_a_bad_status_and_a_wrong_field_count()
    {
        Assert.False(Parser.TryParse(Encoding.UTF8.GetBytes(StandardLogLines.Line(1, status: "OK")), out _, out var badNumber));
        Assert.False(Parser.TryParse("2019-12-04\t21:02:31\tLAX1"u8, out _, out var fieldCount));

        Assert.Equal(LineRejectReason.BadNumber, badNumber);
        Assert.Equal(LineRejectReason.WrongFieldCount, fieldCount);
    }

    [Fact]
    public void Reads_the_fields_header_and_refuses_one_without_the_required_fields()
    {
        Assert.True(StandardLogFormat.TryParseHeader(Encoding.UTF8.GetBytes(StandardLogLines.Header.Split('\n')[1]), out var format, out _));
        Assert.Equal(33, format!.FieldCount);
        Assert.Equal(StandardLogFormat.CloudFrontFields, format.Fields);

        Assert.False(StandardLogFormat.TryParseHeader("#Fields: date time c-ip"u8, out _, out var error));
        Assert.Contains("sc-status", error, StringComparison.Ordinal);
        Assert.False(StandardLogFormat.TryParseHeader("#Version: 1.0"u8, out _, out _));
    }

    [Fact]
    public void Follows_a_custom_field_order_named_by_the_header()
    {
        Assert.True(StandardLogFormat.TryParseHeader("#Fields: c-ip date sc-status time cs-uri-stem sc-bytes x-host-header"u8, out var format, out _));
        var parser = new StandardLogParser(format!);

        Assert.True(parser.TryParse("2001:db8::1\t2026-01-15\t404\t10:00:00\t/a\t12\tx.example.com\r\n"u8, out var request, out var reason), reason.ToString());
        Assert.Equal(("2001:db8::1", 404, 12L, "x.example.com", 0.0), (request.ClientIp, request.Status, request.BytesSent, request.Host, request.TimeTakenMs));
    }

    private static StandardLogFormat HeaderFormat() => StandardLogFormat.CloudFront;
}
