using System.Text;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs.Tests;

public class LogLineWriterTests
{
    private static readonly CdnRequest Request = new(
        1634814300123, "203.0.113.7", 200, 5432, "d111111abcdef8.cloudfront.net", "/images/cat.jpg", 2.0,
        "Hit", "Hit", "US", null, 1.0);

    [Fact]
    public void Writes_the_default_format_like_cloudfront()
    {
        var line = new LogLineWriter(RealtimeLogFormat.Default).Write(Request);

        Assert.Equal(
            "1634814300.123\t203.0.113.7\t200\t5432\td111111abcdef8.cloudfront.net\t/images/cat.jpg\t200\t0.002\tHit\tHit\tUS",
            line);
    }

    [Fact]
    public void Writes_dash_for_fields_a_request_does_not_carry()
    {
        var request = Request with { EdgeDetailedResultType = null, Country = null, TimeToFirstByteMs = null };
        var format = RealtimeLogFormat.Parse(
            "timestamp,c-ip,time-to-first-byte,sc-status,sc-bytes,cs-method,cs-host,cs-uri-stem,x-edge-detailed-result-type,c-country");

        var line = new LogLineWriter(format).Write(request);

        Assert.Equal(
            "1634814300.123\t203.0.113.7\t-\t200\t5432\t-\td111111abcdef8.cloudfront.net\t/images/cat.jpg\t-\t-",
            line);
    }

    [Fact]
    public void Writes_timestamp_with_three_decimals_and_status_with_three_digits()
    {
        var request = Request with { TimestampMs = 1634814300005, Status = 0 };

        var fields = new LogLineWriter(RealtimeLogFormat.Default).Write(request).Split('\t');

        Assert.Equal("1634814300.005", fields[0]);
        Assert.Equal("000", fields[2]);
    }

    [Fact]
    public void Percent_encodes_separators_inside_a_value()
    {
        var fields = new LogLineWriter(RealtimeLogFormat.Default).Write(Request with { UriStem = "/a\tb\nc" }).Split('\t');

        Assert.Equal(11, fields.Length);
        Assert.Equal("/a%09b%0Ac", fields[5]);
    }

    public static TheoryData<string> Formats() =>
    [
        RealtimeLogFormat.Default.ToString(),
        RealtimeLogFormat.All.ToString(),
        "c-country,time-to-first-byte,cs-uri-stem,sc-bytes,timestamp,cs-host,c-ip,sc-status,time-taken",
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Round_trips_through_the_parser(string fields)
    {
        var format = RealtimeLogFormat.Parse(fields);
        var writer = new LogLineWriter(format);
        var parser = new RealtimeLogParser(format);
        CdnRequest[] requests =
        [
            Request,
            new(1700000000000, "2001:db8::7", 504, 0, "www.example.com", "/api/v1/items", 1000.0,
                "Error", "OriginConnectError", "BR", null, 999.0),
            new(1700000000999, "192.0.2.1", 301, 123, "example.org", "/ü", 0.0, null, null, null, null, null),
            Request with { TimeTakenMs = 2.5, TimeToFirstByteMs = 0.125 },
        ];

        foreach (var request in requests)
        {
            var line = Encoding.UTF8.GetBytes(writer.Write(request));

            Assert.True(parser.TryParse(line, out var parsed, out var reason), $"{reason}: {writer.Write(request)}");
            Assert.Equal(Carried(request, format), parsed);
        }
    }

    [Fact]
    public void Refuses_a_negative_duration()
    {
        var writer = new LogLineWriter(RealtimeLogFormat.Default);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(Request with { TimeTakenMs = -1 }));
    }

    // What the parser can give back: fields outside the format read as their defaults.
    private static CdnRequest Carried(CdnRequest request, RealtimeLogFormat format) => request with
    {
        TimeTakenMs = format.Contains(RealtimeLogField.TimeTaken) ? request.TimeTakenMs : 0,
        TimeToFirstByteMs = format.Contains(RealtimeLogField.TimeToFirstByte) ? request.TimeToFirstByteMs : null,
        EdgeResponseResultType = format.Contains(RealtimeLogField.XEdgeResponseResultType) ? request.EdgeResponseResultType : null,
        EdgeDetailedResultType = format.Contains(RealtimeLogField.XEdgeDetailedResultType) ? request.EdgeDetailedResultType : null,
        Country = format.Contains(RealtimeLogField.CCountry) ? request.Country : null,
    };
}
