using System.Text;
using CdnPulse.Contracts;

namespace CdnPulse.CdnLogs.Tests;

/// <summary>
/// The allocation-free reader and the request parser share one code path; these tests pin that they agree, that the
/// vectorized separator search finds tabs at any offset, and that the string cache never hands out a wrong value.
/// </summary>
public class TryReadTests
{
    private readonly RealtimeLogParser _parser = new(RealtimeLogFormat.Default);

    public static TheoryData<int> PathLengths => [.. Enumerable.Range(1, 90)];

    [Theory]
    [MemberData(nameof(PathLengths))]
    public void Reads_the_same_values_as_TryParse_wherever_the_tabs_fall(int pathLength)
    {
        var path = "/" + new string('p', pathLength - 1);
        var line = Lines.Default(("cs-uri-stem", path), ("c-ip", "2001:db8::7"), ("x-edge-detailed-result-type", "OriginShieldHit"));

        Assert.True(_parser.TryParse(line, out var request, out _));
        Assert.True(_parser.TryRead(line, out var view, out var reason));

        Assert.Equal(LineRejectReason.None, reason);
        Assert.Equal(request, ToRequest(view));
        Assert.Equal(path, request.UriStem);
    }

    [Fact]
    public void Reads_every_canonical_field_like_TryParse()
    {
        var parser = new RealtimeLogParser(RealtimeLogFormat.All);
        var line = Lines.Utf8(
            "1634814300.456", "2001:db8::1", "0.001", "304", "321", "GET", "https", "www.example.com", "/index.html",
            "412", "IAD89-C1", "Yx8Kp0Nq==", "d111111abcdef8.cloudfront.net", "0.004", "HTTP/2.0", "IPv6",
            "Mozilla/5.0%20(X11)", "-", "-", "-", "Miss", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Miss", "-", "-",
            "text/html", "5000", "-", "-", "53251", "OriginConnectError", "DE", "gzip", "text/html", "*",
            "Host:www.example.com", "Host", "1", "-", "-", "0.003", "0.003", "7922");

        Assert.True(parser.TryParse(line, out var request, out _));
        Assert.True(parser.TryRead(line, out var view, out _));

        Assert.Equal(request, ToRequest(view));
        Assert.Equal("2001:db8::1"u8.ToArray(), view.ClientIp.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    public void A_tab_inside_a_value_is_a_wrong_field_count_at_any_offset(int offset)
    {
        var path = "/" + new string('p', 80);
        var line = Lines.Default(("cs-uri-stem", path.Insert(1 + offset, "\t")));

        Assert.False(_parser.TryRead(line, out _, out var reason));
        Assert.Equal(LineRejectReason.WrongFieldCount, reason);
        Assert.False(_parser.TryParse(line, out _, out var parseReason));
        Assert.Equal(reason, parseReason);
    }

    [Fact]
    public void Far_more_tabs_than_columns_is_a_wrong_field_count()
    {
        var line = Encoding.UTF8.GetBytes(string.Join('\t', Enumerable.Repeat("x", 300)));

        Assert.False(_parser.TryRead(line, out _, out var reason));
        Assert.Equal(LineRejectReason.WrongFieldCount, reason);
    }

    [Theory]
    [InlineData("timestamp", "1634814300,5", LineRejectReason.BadTimestamp)]
    [InlineData("c-ip", "203.0.113", LineRejectReason.BadIp)]
    [InlineData("sc-status", "2x0", LineRejectReason.BadNumber)]
    [InlineData("cs-host", "-", LineRejectReason.MissingHost)]
    public void Rejects_the_lines_TryParse_rejects_for_the_same_reason(string field, string value, LineRejectReason expected)
    {
        var line = Lines.Default((field, value));

        Assert.False(_parser.TryRead(line, out _, out var reason));
        Assert.False(_parser.TryParse(line, out _, out var parseReason));
        Assert.Equal((expected, expected), (reason, parseReason));
    }

    [Fact]
    public void Repeated_hosts_and_paths_share_one_string()
    {
        var line = Lines.Default();

        Assert.True(_parser.TryParse(line, out var first, out _));
        Assert.True(_parser.TryParse(line, out var second, out _));

        Assert.Same(first.Host, second.Host);
        Assert.Same(first.UriStem, second.UriStem);
    }

    [Fact]
    public void Paths_that_share_cache_slots_keep_their_own_values()
    {
        var paths = Enumerable.Range(0, 20_000).Select(i => $"/objects/{i}/file-{i * 7919 % 1000}.bin").ToList();

        foreach (var path in paths.Concat(Enumerable.Reverse(paths)).Concat(paths.Where((_, i) => i % 3 == 0)))
        {
            Assert.True(_parser.TryParse(Lines.Default(("cs-uri-stem", path)), out var request, out _));
            Assert.Equal(path, request.UriStem);
        }
    }

    [Theory]
    [InlineData("/caf\u00e9/men\u00fc.html")]
    [InlineData("/\U0001F600")]
    [InlineData("/plain/but/longer/than/the/cache/takes/" + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Paths_the_cache_does_not_keep_are_still_read_exactly(string path)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(_parser.TryParse(Lines.Default(("cs-uri-stem", path)), out var request, out _));
            Assert.Equal(path, request.UriStem);
        }
    }

    private static CdnRequest ToRequest(RealtimeLogLine line) => new(
        line.TimestampMs, Encoding.UTF8.GetString(line.ClientIp), line.Status, line.BytesSent, Encoding.UTF8.GetString(line.Host),
        Encoding.UTF8.GetString(line.UriStem), line.TimeTakenMs, line.EdgeResponseResultType, line.EdgeDetailedResultType, line.Country,
        null, line.TimeToFirstByteMs);
}
