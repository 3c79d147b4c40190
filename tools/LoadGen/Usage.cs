namespace CdnPulse.LoadGen.Cli;

/// <summary>The --help text.</summary>
internal static class Usage
{
    public const string Text = """
        cdnpulse-loadgen: realistic CloudFront real-time log traffic, reproducible from a seed.

        Usage:
          cdnpulse-loadgen --to file --file lines.log --count 100000 [options]
          cdnpulse-loadgen --to kinesis --endpoints .cdnpulse/endpoints.json --rate 2000 --duration 5m
          cdnpulse-loadgen --to firehose --firehose-url http://127.0.0.1:5000/firehose --gzip --duration 60s
            (access key from CDNPULSE_FIREHOSE_ACCESS_KEY, --access-key or --endpoints)

        How much and how fast:
          --rate N             lines per second (default 1000; 2k and 1.5M work); also spaces the timestamps
          --count N | --duration T
                               lines to send, or for how long (90s, 5m, 1h) at --rate
          --fast               send as fast as the sink takes them; timestamps keep the --rate spacing
          --start now|TIME     first timestamp (default now); a fixed ISO 8601 time makes runs byte-identical
          --seed N             random seed (default 1): same seed + options = same lines, byte for byte

        What the traffic looks like:
          --fields LIST        default (the 11 fields), all, or a CloudFront field list: timestamp,c-ip,sc-status,…
          --domains LIST       name[:web|media|static|api|downloads][=weight],… (default: five mixed domains)
          --countries LIST     CC[=weight],… viewer countries (default: 26 countries, US-heavy)
          --urls N             objects per domain, Zipf-ranked (default 10000, at most 200000)
          --zipf S             popularity exponent, P(rank k) ~ 1/k^S (default 1.0)
          --ipv6-share F       share of IPv6 viewers, 0..1 (default 0.1)
          --ip-data DIR        @ip-location-db folder (default: tools/node/node_modules/@ip-location-db above here)

        Where the lines go:
          --to file|kinesis|firehose  (default file)
          --file PATH          output file; - is standard output
          --endpoints PATH     take the Kinesis and Firehose addresses and key of a running CdnPulse
                               from its .cdnpulse/endpoints.json
          --kinesis-url URL    Kinesis endpoint (kinesalite); omit for AWS (default credential chain)
          --stream NAME        Kinesis stream (default cloudfront-realtime-logs)
          --region NAME        AWS region (default us-east-1)
          --create-stream N    create the stream with N shards if it does not exist
          --firehose-url URL   the /firehose endpoint of CdnPulse Ingest
          --access-key KEY     its access key (prefer the environment variable: command lines are visible)
          --gzip               gzip Firehose request bodies
          --lines-per-record N lines per Kinesis/Firehose record (default 1, as CloudFront sends)
          --records-per-request N  records per PutRecords call or Firehose request (default 500)
          --concurrency N      requests in flight (default 4)
          --max-retries N      retries of failed entries or requests before giving up (default 10)

        Output:
          --totals PATH        write the exact totals sent (per domain x minute x country) as JSON
          --no-progress        no live progress display (it goes to standard error)

        Exit codes: 0 all lines acknowledged, 1 delivery failed, 2 bad options, 130 stopped with Ctrl+C.
        """;
}
