using CdnPulse.CdnLogs;
using CdnPulse.LoadGen.Options;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Tests;

public sealed class OptionsParserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--to file --file x.log --count 10 --rate abc", "--rate must be a number of lines per second above 0")]
    [InlineData("--to file --file x.log --count 10 --rate 0", "--rate must be a number of lines per second above 0")]
    [InlineData("--to file --file x.log", "Say how much to send: --count <lines> or --duration <time>")]
    [InlineData("--to file --file x.log --count 10 --duration 5s", "Give either --count or --duration, not both.")]
    [InlineData("--to file --file x.log --count 0", "--count must be a whole number from 1")]
    [InlineData("--to file --file x.log --count 1.5", "--count must be a whole number")]
    [InlineData("--to file --file x.log --duration 5 minutes", "Unexpected argument 'minutes'")]
    [InlineData("--to file --file x.log --duration 5y", "--duration must be a positive time")]
    [InlineData("--to file --file x.log --duration 1ms --rate 10", "--duration 1ms at 10 lines/s is less than one line.")]
    [InlineData("--to file --file x.log --count 10 --start yesterday", "--start must be 'now' or an ISO 8601 time")]
    [InlineData("--to file --file x.log --count 10 --seed -1", "--seed must be a whole number from 0 to 18446744073709551615")]
    [InlineData("--to file --file x.log --count 10 --fields timestamp,c-ip", "--fields: The real-time log format lacks required field(s): sc-status")]
    [InlineData("--to file --file x.log --count 10 --fields all,s-ip", "--fields: Unknown CloudFront real-time log field 'all'")]
    [InlineData("--to file --file x.log --count 10 --domains a.com,a.com", "--domains: 'a.com' is listed more than once.")]
    [InlineData("--to file --file x.log --count 10 --domains a.com:video", "--domains: 'video' is not a domain profile")]
    [InlineData("--to file --file x.log --count 10 --domains a.com=0", "--domains: the weight in 'a.com=0' must be a positive number.")]
    [InlineData("--to file --file x.log --count 10 --countries us", "--countries: 'us' is not an ISO 3166 country code")]
    [InlineData("--to file --file x.log --count 10 --urls 0", "--urls must be a whole number from 1 to 200,000")]
    [InlineData("--to file --file x.log --count 10 --zipf 6", "--zipf must be a number from 0 to 5")]
    [InlineData("--to file --file x.log --count 10 --ipv6-share 1.5", "--ipv6-share must be a share from 0 to 1")]
    [InlineData("--to file --file x.log --count 10 --lines-per-record 501", "--lines-per-record must be a whole number from 1 to 500")]
    [InlineData("--to file --file x.log --count 10 --concurrency 0", "--concurrency must be a whole number from 1 to 64")]
    [InlineData("--to file --count 10", "--to file needs --file <path>")]
    [InlineData("--to disk --file x.log --count 10", "--to must be file, kinesis or firehose ('disk').")]
    [InlineData("--to kinesis --count 10 --file x.log", "--file applies to --to file only.")]
    [InlineData("--to kinesis --count 10 --kinesis-url ftp://host/", "--kinesis-url 'ftp://host/' is not an absolute http(s) URL")]
    [InlineData("--to kinesis --count 10 --region mars", "--region 'mars' is not an AWS region name")]
    [InlineData("--to kinesis --count 10 --stream bad/name", "--stream 'bad/name' must be 1-128 characters")]
    [InlineData("--to file --file x.log --count 10 --create-stream 2", "--create-stream applies to --to kinesis only.")]
    [InlineData("--to file --file x.log --count 10 --gzip", "--gzip applies to --to firehose only.")]
    [InlineData("--to firehose --count 10 --access-key k", "--to firehose needs --firehose-url")]
    [InlineData("--to firehose --count 10 --access-key k --firehose-url localhost:5000", "--firehose-url 'localhost:5000' is not an absolute http(s) URL.")]
    [InlineData("--to firehose --count 10 --firehose-url http://127.0.0.1:1/firehose", "--to firehose needs the endpoint's access key")]
    [InlineData("--to file --file x.log --count 10 --rate", "Option --rate needs a value.")]
    [InlineData("--to file --file x.log --count 10 --count 20", "Option --count is given more than once.")]
    [InlineData("--to file --file x.log --count 10 --speed 3", "Unknown option '--speed'. Run with --help for the list.")]
    [InlineData("--to file --file x.log --count 10 --fast=yes", "--fast is a switch and takes no value.")]
    public void Rejects_a_bad_command_line_with_a_message_naming_the_problem(string commandLine, string message)
    {
        var result = Parse(commandLine);

        Assert.False(result.IsValid);
        Assert.Null(result.Options);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var result = Parse("--to file --rate -5 --zipf x --countries USA");

        Assert.Equal(5, result.Errors.Count);
    }

    [Fact]
    public void Reads_a_full_command_line()
    {
        var result = Parse("--to kinesis --kinesis-url http://127.0.0.1:4567/ --stream logs --region eu-west-1 --create-stream 4 "
            + "--rate 2.5k --duration 2m --start 2026-01-15T10:00:00Z --seed 42 --fields all --domains a.example.com:media=3,b.example.com "
            + "--countries US=2,DE --urls 500 --zipf 0.9 --ipv6-share 0.25 --lines-per-record 5 --records-per-request 100 --concurrency 8 "
            + "--max-retries 3 --totals t.json --fast --no-progress");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var options = result.Options!;
        Assert.Equal(SinkKind.Kinesis, options.Sink);
        Assert.Equal(("http://127.0.0.1:4567/", "logs", "eu-west-1", 4), (options.KinesisUrl, options.StreamName, options.Region, options.CreateStreamShards));
        Assert.Equal(2_500, options.LinesPerSecond);
        Assert.Equal(300_000, options.Lines);
        Assert.Equal(Traffic.Start, options.Start);
        Assert.Equal(42UL, options.Seed);
        Assert.Equal(RealtimeLogFormat.All.ToString(), options.Format.ToString());
        Assert.Equal([new DomainSettings("a.example.com", 3, DomainProfile.Media), new DomainSettings("b.example.com", 1, DomainProfile.Media)], options.Domains);
        Assert.Equal([new Clients.CountryWeight("US", 2), new Clients.CountryWeight("DE", 1)], options.Countries);
        Assert.Equal((500, 0.9, 0.25), (options.UrlsPerDomain, options.ZipfExponent, options.IPv6Share));
        Assert.Equal((5, 100, 8, 3), (options.LinesPerRecord, options.RecordsPerRequest, options.Concurrency, options.MaxRetries));
        Assert.Equal(("t.json", true, false), (options.TotalsPath, options.Fast, options.Progress));
    }

    [Fact]
    public void Domains_without_a_profile_cycle_through_the_kinds_of_site()
    {
        var options = Parse("--to file --file x.log --count 1 --domains a.com,b.com,c.com,d.com,e.com,f.com").Options!;

        Assert.Equal(
            [DomainProfile.Web, DomainProfile.Media, DomainProfile.Static, DomainProfile.Api, DomainProfile.Downloads, DomainProfile.Web],
            options.Domains.Select(d => d.Profile));
    }

    [Fact]
    public void Defaults_send_the_eleven_field_format_now_with_seed_one()
    {
        var options = Parse("--file x.log --duration 10s").Options!;

        Assert.Equal(SinkKind.File, options.Sink);
        Assert.Equal(10_000, options.Lines);
        Assert.Null(options.Start);
        Assert.Equal(1UL, options.Seed);
        Assert.Same(RealtimeLogFormat.Default, options.Format);
        Assert.Equal(DomainSettings.Defaults, options.Domains);
        Assert.True(options.Progress);
    }

    [Fact]
    public void Takes_the_addresses_and_key_of_a_running_system_from_its_endpoints_file()
    {
        var path = _folder.File("endpoints.json");
        File.WriteAllText(path, """
            {"apiKey":"api","firehoseAccessKey":"fh-key","resources":{"kinesis":{"url":"http://127.0.0.1:35057/","stream":"cloudfront-realtime-logs","region":"us-east-1"},
             "ingest":{"url":"http://127.0.0.1:39197"}}}
            """);

        var kinesis = Parse($"--to kinesis --endpoints {path} --count 5 --stream override").Options!;
        var firehose = Parse($"--to firehose --endpoints {path} --count 5").Options!;

        Assert.Equal(("http://127.0.0.1:35057/", "override"), (kinesis.KinesisUrl, kinesis.StreamName));
        Assert.Equal(new Uri("http://127.0.0.1:39197/firehose"), firehose.FirehoseUrl);
        Assert.Equal("fh-key", firehose.AccessKey);
    }

    [Fact]
    public void A_missing_endpoints_file_is_an_error_that_says_how_to_get_one()
    {
        var result = Parse($"--to kinesis --endpoints {_folder.File("none.json")} --count 5");

        Assert.Contains(result.Errors, e => e.StartsWith("--endpoints: cannot read", StringComparison.Ordinal) && e.Contains("./dev run", StringComparison.Ordinal));
    }

    [Fact]
    public void The_access_key_can_come_from_the_environment_and_is_never_in_an_error()
    {
        var fromEnvironment = LoadGenOptionsParser.Parse(
            ["--to", "firehose", "--firehose-url", "http://127.0.0.1:1/firehose", "--count", "1"],
            name => name == LoadGenOptionsParser.AccessKeyVariable ? "secret-from-env" : null);
        var withBadOption = LoadGenOptionsParser.Parse(
            ["--to", "firehose", "--firehose-url", "nope", "--access-key", "secret-on-line", "--count", "1"], _ => null);

        Assert.Equal("secret-from-env", fromEnvironment.Options!.AccessKey);
        Assert.DoesNotContain(withBadOption.Errors, e => e.Contains("secret", StringComparison.Ordinal));
        Assert.NotEmpty(withBadOption.Errors);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--count 0 --help")]
    public void Help_wins_over_everything_else(string commandLine)
    {
        var result = Parse(commandLine);

        Assert.True(result.HelpRequested);
        Assert.Empty(result.Errors);
    }

    private static OptionsParseResult Parse(string commandLine) =>
        LoadGenOptionsParser.Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), _ => null);
}
