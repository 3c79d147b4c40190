using CdnPulse.CdnLogs;
using CdnPulse.Enrichment.IpData;
using CdnPulse.Ingest.Transform;

namespace CdnPulse.Ingest.Tests;

/// <summary>The transformer as a library: the reference's output format, every record id back, bad records failed, not lost.</summary>
public sealed class FirehoseTransformerTests : IAsyncLifetime
{
    private readonly string _folder = TestIpData.CreateFolder();
    private FirehoseTransformer _transformer = null!;

    public async Task InitializeAsync()
    {
        var database = await IpLocationLoader.LoadAsync(new IpDataOptions { Folder = _folder });
        _transformer = new FirehoseTransformer(new RealtimeLogParser(RealtimeLogFormat.Default), new IpLocationProvider(database));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Appends_isp_and_country_to_the_line_and_sets_the_partition_keys()
    {
        var line = TransformData.Line(TestIpData.GoogleIp);

        var record = Assert.Single(Transform(("r1", TransformData.Base64(line + "\n"))).Records);

        Assert.Equal("r1", record.RecordId);
        Assert.Equal(TransformResults.Ok, record.Result);
        Assert.Equal(line + "\tGoogle LLC\tUS\n", TransformData.Decode(record.Data));
        Assert.Equal(new PartitionKeys("2026", "01", "15", "10", "00", "www.example.com"), record.Metadata!.PartitionKeys);
    }

    [Fact]
    public void Returns_every_record_id_in_order_whatever_each_record_holds()
    {
        var ids = new[] { "ok", "bad-ip", "empty", "not-base64", "unknown-ip" };
        var result = Transform(
            ("ok", TransformData.Base64(TransformData.Line(TestIpData.CloudflareIp))),
            ("bad-ip", TransformData.Base64(TransformData.Line("999.1.2.3"))),
            ("empty", ""),
            ("not-base64", "***"),
            ("unknown-ip", TransformData.Base64(TransformData.Line(TestIpData.UnknownIp))));

        Assert.Equal(ids, result.Records.Select(r => r.RecordId));
        Assert.Equal([TransformResults.Ok, TransformResults.ProcessingFailed, TransformResults.Dropped, TransformResults.ProcessingFailed, TransformResults.Ok],
            result.Records.Select(r => r.Result));
    }

    [Fact]
    public void Fails_a_record_with_an_invalid_ip_and_returns_its_original_data_for_the_error_output()
    {
        var data = TransformData.Base64(TransformData.Line("not-an-ip") + "\n");
        var rejects = new RejectCounter();

        var record = Assert.Single(_transformer.Transform(Event(("r", data)), rejects).Records);

        Assert.Equal(TransformResults.ProcessingFailed, record.Result);
        Assert.Equal(data, record.Data);
        Assert.Null(record.Metadata);
        Assert.Equal(1, rejects.Count(LineRejectReason.BadIp));
    }

    [Fact]
    public void Answers_NotFound_for_an_address_no_range_covers_instead_of_a_neighbouring_row()
    {
        var record = Assert.Single(Transform(("r", TransformData.Base64(TransformData.Line(TestIpData.UnknownIp)))).Records);

        Assert.EndsWith("\tNotFound\tNotFound\n", TransformData.Decode(record.Data), StringComparison.Ordinal);
    }

    [Fact]
    public void Looks_up_IPv6_and_writes_non_ascii_organisation_names_as_utf8()
    {
        var result = Transform(
            ("v6", TransformData.Base64(TransformData.Line(TestIpData.GoogleIPv6))),
            ("unicode", TransformData.Base64(TransformData.Line(TestIpData.UnicodeIspIp, path: "/caf\u00e9"))));

        Assert.EndsWith("\tGoogle LLC\tUS\n", TransformData.Decode(result.Records[0].Data), StringComparison.Ordinal);
        Assert.Contains("\t/caf\u00e9\t", TransformData.Decode(result.Records[1].Data), StringComparison.Ordinal);
        Assert.EndsWith("\tT\u00e9l\u00e9com \u00dcn\u00efcode\tFR\n", TransformData.Decode(result.Records[1].Data), StringComparison.Ordinal);
    }

    [Fact]
    public void Enriches_every_line_of_a_multi_line_record_and_keys_it_by_the_first()
    {
        var first = TransformData.Line(TestIpData.GoogleIp, host: "a.example.com");
        var second = TransformData.Line(TestIpData.CloudflareIp, host: "b.example.com", timestampMs: TransformData.TimestampMs + 3_600_000);

        var record = Assert.Single(Transform(("r", TransformData.Base64($"  {first}\r\n{second}\n\n"))).Records);

        Assert.Equal($"{first}\tGoogle LLC\tUS\n{second}\tCloudflare, Inc.\tAU\n", TransformData.Decode(record.Data));
        Assert.Equal("a.example.com", record.Metadata!.PartitionKeys.Domain);
        Assert.Equal("10", record.Metadata.PartitionKeys.Hour);
    }

    [Fact]
    public void Fails_the_whole_record_when_one_of_its_lines_is_bad()
    {
        var record = Assert.Single(Transform(("r", TransformData.Base64(TransformData.Line(TestIpData.GoogleIp) + "\nnot\ta\tline\n"))).Records);

        Assert.Equal(TransformResults.ProcessingFailed, record.Result);
    }

    [Fact]
    public void Drops_a_record_of_only_whitespace()
    {
        var record = Assert.Single(Transform(("r", TransformData.Base64(" \r\n\n"))).Records);

        Assert.Equal(TransformResults.Dropped, record.Result);
        Assert.Null(record.Metadata);
    }

    private FirehoseTransformationResult Transform(params (string Id, string Data)[] records) => _transformer.Transform(Event(records));

    private static FirehoseTransformationEvent Event(params (string Id, string Data)[] records) =>
        new("invocation-1", "arn:aws:firehose:us-east-1:123456789012:deliverystream/cf", null, "us-east-1",
            records.Select(r => new FirehoseTransformationRecord(r.Id, 1_768_471_200_500, r.Data, null)).ToList());
}
