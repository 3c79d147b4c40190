using System.Text.Json;
using CdnPulse.CdnLogs;

namespace CdnPulse.Ingest.Tests;

public sealed class LambdaEdgeRecordParserTests
{
    private const string Base = """
        "distributionId": "EDFDVBD6EXAMPLE", "requestId": "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==",
        "clientIp": "203.0.113.178", "uri": "/picture.jpg", "method": "GET"
        """;

    [Theory]
    [InlineData("1768471200123", 1_768_471_200_123)]
    [InlineData("1768471200.5", 1_768_471_200_500)]
    [InlineData("\"1768471200\"", 1_768_471_200_000)]
    [InlineData("\"2026-01-15T10:00:00.250Z\"", 1_768_471_200_250)]
    [InlineData("\"2026-01-15T11:00:00+01:00\"", 1_768_471_200_000)]
    public void Reads_epoch_milliseconds_epoch_seconds_and_iso_timestamps(string timestamp, long expectedMs)
    {
        var request = Parse($$"""{ {{Base}}, "timestamp": {{timestamp}}, "headers": {"host": "h.example.com"} }""");

        Assert.Equal(expectedMs, request.TimestampMs);
    }

    [Fact]
    public void Takes_the_domain_from_the_host_header_then_host_then_the_distribution_domain_name()
    {
        Assert.Equal("a.example.com", Parse($$"""{ {{Base}}, "timestamp": 1, "host": "b.example.com", "headers": {"Host": [{"key": "Host", "value": "a.example.com"}]} }""").Host);
        Assert.Equal("b.example.com", Parse($$"""{ {{Base}}, "timestamp": 1, "host": "b.example.com" }""").Host);
        Assert.Equal("d1.cloudfront.net", Parse($$"""{ {{Base}}, "timestamp": 1, "distributionDomainName": "d1.cloudfront.net" }""").Host);
    }

    [Theory]
    [InlineData("""{"timestamp": 1, "uri": "/", "headers": {"host": "h"}}""", LineRejectReason.MissingField)]
    [InlineData("""{"clientIp": "1.2.3.4", "timestamp": 1, "headers": {"host": "h"}}""", LineRejectReason.MissingField)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "headers": {"host": "h"}}""", LineRejectReason.BadTimestamp)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "timestamp": "yesterday", "headers": {"host": "h"}}""", LineRejectReason.BadTimestamp)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "timestamp": -5, "headers": {"host": "h"}}""", LineRejectReason.BadTimestamp)]
    [InlineData("""{"clientIp": "1.2.3", "uri": "/", "timestamp": 1, "headers": {"host": "h"}}""", LineRejectReason.BadIp)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "timestamp": 1}""", LineRejectReason.MissingHost)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "timestamp": 1, "host": "h", "status": "OK"}""", LineRejectReason.BadNumber)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "timestamp": 1, "host": "h", "bytes": -1}""", LineRejectReason.BadNumber)]
    [InlineData("""{"clientIp": "1.2.3.4", "uri": "/", "timestamp": 1, "host": "h", "timeTaken": "slow"}""", LineRejectReason.BadNumber)]
    [InlineData("""["not", "an", "object"]""", LineRejectReason.MissingField)]
    public void Rejects_a_record_with_the_reason(string json, LineRejectReason expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(LambdaEdgeRecordParser.TryParse(document.RootElement, out _, out var reason));
        Assert.Equal(expected, reason);
    }

    private static Contracts.CdnRequest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(LambdaEdgeRecordParser.TryParse(document.RootElement, out var request, out var reason), reason.ToString());
        return request;
    }
}
