namespace CdnPulse.CdnLogs.Tests;

public class RealtimeLogFormatTests
{
    [Fact]
    public void Default_format_has_the_11_reference_fields_in_order()
    {
        Assert.Equal(RealtimeLogFields.Default11, RealtimeLogFormat.Default.Fields);
        Assert.Equal(11, RealtimeLogFormat.Default.FieldCount);
        Assert.Equal(4, RealtimeLogFormat.Default.IndexOf(RealtimeLogField.CsHost));
        Assert.Equal(10, RealtimeLogFormat.Default.IndexOf(RealtimeLogField.CCountry));
        Assert.Equal(-1, RealtimeLogFormat.Default.IndexOf(RealtimeLogField.TimeToFirstByte));
    }

    [Fact]
    public void Sorts_fields_selected_out_of_order_into_canonical_order()
    {
        var format = new RealtimeLogFormat(
            ["c-country", "cs-uri-stem", "sc-bytes", "timestamp", "cs-host", "c-ip", "sc-status", "time-taken"]);

        Assert.Equal("timestamp,c-ip,sc-status,sc-bytes,cs-host,cs-uri-stem,time-taken,c-country", format.ToString());
        Assert.Equal(0, format.IndexOf(RealtimeLogField.Timestamp));
        Assert.Equal(6, format.IndexOf(RealtimeLogField.TimeTaken));
        Assert.Equal(7, format.IndexOf(RealtimeLogField.CCountry));
        Assert.False(format.Contains(RealtimeLogField.CsBytes));
    }

    [Fact]
    public void Parses_a_comma_separated_list_with_spaces()
    {
        var format = RealtimeLogFormat.Parse(
            " timestamp, c-ip ,sc-status,sc-bytes,cs-host,cs-uri-stem,cs-bytes,time-taken,x-edge-response-result-type,x-edge-detailed-result-type,c-country");

        Assert.Equal(RealtimeLogFormat.Default.Fields, format.Fields);
    }

    [Fact]
    public void All_format_carries_every_canonical_field()
    {
        Assert.Equal(RealtimeLogFields.Canonical, RealtimeLogFormat.All.Fields);
        Assert.Equal(44, RealtimeLogFormat.All.IndexOf(RealtimeLogField.Asn));
    }

    [Fact]
    public void Rejects_an_unknown_field_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RealtimeLogFormat.Parse("timestamp,c-ip,sc-status,sc-bytes,cs-host,cs-uri-stem,cs-hots"));

        Assert.Contains("'cs-hots'", error.Message);
    }

    [Fact]
    public void Rejects_a_duplicate_field_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RealtimeLogFormat.Parse("timestamp,c-ip,sc-status,c-ip,sc-bytes,cs-host,cs-uri-stem"));

        Assert.Contains("'c-ip'", error.Message);
        Assert.Contains("more than once", error.Message);
    }

    [Fact]
    public void Rejects_a_format_without_a_required_field_naming_what_is_missing()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RealtimeLogFormat.Parse("timestamp,c-ip,sc-status,sc-bytes,time-taken"));

        Assert.Contains("cs-host, cs-uri-stem", error.Message);
    }

    [Fact]
    public void Rejects_an_empty_field_name()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RealtimeLogFormat.Parse("timestamp,,c-ip,sc-status,sc-bytes,cs-host,cs-uri-stem"));

        Assert.Contains("#2", error.Message);
    }
}
