namespace CdnPulse.CdnLogs.Tests;

public class RealtimeLogFieldsTests
{
    [Fact]
    public void Canonical_names_are_the_40_classic_fields_followed_by_the_5_newer_ones()
    {
        string[] expected =
        [
            "timestamp", "c-ip", "time-to-first-byte", "sc-status", "sc-bytes", "cs-method", "cs-protocol",
            "cs-host", "cs-uri-stem", "cs-bytes", "x-edge-location", "x-edge-request-id", "x-host-header",
            "time-taken", "cs-protocol-version", "c-ip-version", "cs-user-agent", "cs-referer", "cs-cookie",
            "cs-uri-query", "x-edge-response-result-type", "x-forwarded-for", "ssl-protocol", "ssl-cipher",
            "x-edge-result-type", "fle-encrypted-fields", "fle-status", "sc-content-type", "sc-content-len",
            "sc-range-start", "sc-range-end", "c-port", "x-edge-detailed-result-type", "c-country",
            "cs-accept-encoding", "cs-accept", "cache-behavior-path-pattern", "cs-headers", "cs-header-names",
            "cs-headers-count", "primary-distribution-id", "primary-distribution-dns-name", "origin-fbl",
            "origin-lbl", "asn",
        ];

        Assert.Equal(expected, RealtimeLogFields.CanonicalNames);
    }

    [Fact]
    public void Enum_values_follow_the_canonical_names()
    {
        var names = RealtimeLogFields.Canonical.Select(RealtimeLogFields.NameOf);

        Assert.Equal(RealtimeLogFields.CanonicalNames, names);
        Assert.Equal(Enumerable.Range(0, 45), RealtimeLogFields.Canonical.Select(f => (int)f));
    }

    [Theory]
    [InlineData("cs-host", RealtimeLogField.CsHost)]
    [InlineData("c-ip", RealtimeLogField.CIp)]
    [InlineData("x-edge-detailed-result-type", RealtimeLogField.XEdgeDetailedResultType)]
    [InlineData("asn", RealtimeLogField.Asn)]
    public void Maps_names_to_fields_and_back(string name, RealtimeLogField field)
    {
        Assert.True(RealtimeLogFields.TryParse(name, out var parsed));
        Assert.Equal(field, parsed);
        Assert.Equal(name, RealtimeLogFields.NameOf(field));
    }

    [Theory]
    [InlineData("CS-HOST")]
    [InlineData("cs_host")]
    [InlineData("s-ip")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_recognise_unknown_or_misspelt_names(string? name)
    {
        Assert.False(RealtimeLogFields.TryParse(name, out _));
    }

    [Fact]
    public void Default11_is_the_reference_field_order()
    {
        string[] expected =
        [
            "timestamp", "c-ip", "sc-status", "sc-bytes", "cs-host", "cs-uri-stem", "cs-bytes", "time-taken",
            "x-edge-response-result-type", "x-edge-detailed-result-type", "c-country",
        ];

        Assert.Equal(expected, RealtimeLogFields.Default11.Select(RealtimeLogFields.NameOf));
    }

    [Fact]
    public void NameOf_rejects_a_value_outside_the_enum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RealtimeLogFields.NameOf((RealtimeLogField)45));
    }
}
