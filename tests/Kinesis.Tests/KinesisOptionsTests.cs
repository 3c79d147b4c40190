namespace CdnPulse.Kinesis.Tests;

public sealed class KinesisOptionsTests
{
    [Fact]
    public void Defaults_to_the_realtime_log_stream_on_aws_in_us_east_1()
    {
        var options = new KinesisOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal("cloudfront-realtime-logs", options.StreamName);
        Assert.Null(options.ServiceUrl);
        Assert.Equal(new Uri("https://kinesis.us-east-1.amazonaws.com/"), options.GetEndpoint());
        Assert.False(options.IsLocalEndpoint());
    }

    [Theory]
    [InlineData("not a url", "us-east-1", "logs", "ServiceUrl")]
    [InlineData("ftp://127.0.0.1:4567/", "us-east-1", "logs", "ServiceUrl")]
    [InlineData(null, "", "logs", "Region")]
    [InlineData(null, "US_EAST_1", "logs", "Region")]
    [InlineData(null, "us-east-1", "", "StreamName")]
    [InlineData(null, "us-east-1", "logs with spaces", "StreamName")]
    public void Rejects_an_invalid_setting_by_name(string? serviceUrl, string region, string streamName, string setting)
    {
        var options = new KinesisOptions { ServiceUrl = serviceUrl, Region = region, StreamName = streamName };

        var error = Assert.Single(options.Validate());
        var thrown = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);

        Assert.Contains($"Kinesis:{setting}", error);
        Assert.Contains(error, thrown.Message);
    }

    [Fact]
    public void Reports_every_invalid_setting_at_once()
    {
        var options = new KinesisOptions { ServiceUrl = "nope", Region = "", StreamName = new string('s', 129) };

        Assert.Equal(3, options.Validate().Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4567/", true)]
    [InlineData("http://localhost:4567", true)]
    [InlineData("http://[::1]:4567/", true)]
    [InlineData("http://10.1.2.3:4567/", false)]
    [InlineData("https://kinesis.eu-west-1.amazonaws.com/", false)]
    public void Recognises_loopback_service_urls(string serviceUrl, bool local)
    {
        var options = new KinesisOptions { ServiceUrl = serviceUrl };

        Assert.Equal(local, options.IsLocalEndpoint());
        Assert.Equal(new Uri(serviceUrl), options.GetEndpoint());
    }

    [Fact]
    public void Refuses_to_build_a_client_from_invalid_options()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new KinesisClient(http, new KinesisOptions { Region = "mars" }));

        Assert.Contains("Kinesis:Region", error.Message);
    }

    [Fact]
    public async Task Signs_requests_to_a_local_endpoint_without_configured_credentials()
    {
        // Whether or not the machine has AWS credentials, a loopback endpoint must end up with a signed request.
        var handler = new RecordingHandler("""{"StreamDescriptionSummary":{"StreamName":"s","StreamStatus":"ACTIVE"}}""");
        using var client = KinesisClient.Create(new KinesisOptions { ServiceUrl = "http://127.0.0.1:4567/", Region = "eu-central-1" }, inner: handler);

        await client.DescribeStreamSummaryAsync("s");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("http://127.0.0.1:4567/"), request.Uri);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=", request.Header("Authorization"));
        Assert.Contains("/eu-central-1/kinesis/aws4_request", request.Header("Authorization"));
    }
}
