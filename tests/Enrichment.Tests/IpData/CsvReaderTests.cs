using CdnPulse.Enrichment.IpData;

namespace CdnPulse.Enrichment.Tests.IpData;

public class CsvReaderTests
{
    [Fact]
    public void Splits_quoted_fields_with_commas_escaped_quotes_and_empty_fields()
    {
        var records = ReadAll("a,\"b, c\",\"say \"\"hi\"\"\",,\"\"\n");

        Assert.Equal([["a", "b, c", "say \"hi\"", "", ""]], records.Select(r => r.Fields));
    }

    [Fact]
    public void Skips_blank_lines_and_accepts_CRLF_and_a_missing_final_line_break()
    {
        var records = ReadAll("x,y\r\n\r\nz,w\r\nlast,line");

        Assert.Equal([["x", "y"], ["z", "w"], ["last", "line"]], records.Select(r => r.Fields));
        Assert.Equal([1L, 3L, 4L], records.Select(r => r.Line));
    }

    [Fact]
    public void Keeps_line_breaks_inside_quoted_fields_and_counts_lines()
    {
        var records = ReadAll("1,\"two\nlines\"\n3,x\n");

        Assert.Equal([["1", "two\nlines"], ["3", "x"]], records.Select(r => r.Fields));
        Assert.Equal([1L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Reads_records_longer_than_its_buffer()
    {
        var longField = new string('q', 300_000);

        var records = ReadAll($"a,\"{longField}\"\nb,{longField}\nc,d\n");

        Assert.Equal([300_000, 300_000, 1], records.Select(r => r.Fields[1].Length));
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Fields[0]));
    }

    [Theory]
    [InlineData("ok\n\"never closed\n", "line 2: a quoted field is not closed before the end of the file")]
    [InlineData("a,b\"c\n", "line 1: a quote appears inside an unquoted field")]
    [InlineData("a,\"b\"c\n", "line 1: a closing quote is not followed by a comma")]
    public void Rejects_malformed_quoting_with_the_line_number(string text, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadAll(text));

        Assert.Equal($"test.csv, {problem}.", error.Message);
    }

    private static List<(long Line, string[] Fields)> ReadAll(string text)
    {
        using var csv = new CsvReader(new StringReader(text), "test.csv");
        var records = new List<(long, string[])>();
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = csv[i].ToString();
            records.Add((csv.LineNumber, fields));
        }
        return records;
    }
}
