namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Reads the @ip-location-db range files: no header, <c>start,end,…,value</c> with inclusive ranges given
/// as addresses or, in the -num files, as decimal numbers (128-bit for IPv6).
/// </summary>
internal static class IpLocationDbCsv
{
    // fieldCount: 3 for country files (start,end,country_code), 4 for asn files (start,end,asn,organisation).
    public static void Read(string path, bool ipv6, int fieldCount, IpRangeSetBuilder target, CancellationToken cancellationToken)
    {
        using var csv = CsvReader.Open(path);
        var rows = 0;
        while (csv.Read())
        {
            if ((++rows & 0xFFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            if (csv.FieldCount != fieldCount)
                throw csv.Error($"expected {fieldCount} fields but found {csv.FieldCount}");
            if (!IpAddressParser.TryParseEndpoint(csv[0], ipv6, out var start)
                || !IpAddressParser.TryParseEndpoint(csv[1], ipv6, out var end))
                throw csv.Error($"'{csv[0]}','{csv[1]}' is not an {(ipv6 ? "IPv6" : "IPv4")} range");
            if (start > end)
                throw csv.Error("the range starts after it ends");
            // A range without a value is no answer at all: leave it out so it reads as NotFound.
            var value = csv[fieldCount - 1];
            if (!value.IsEmpty)
                target.Add(ipv6, start, end, value);
        }
        if (rows == 0)
            throw new InvalidDataException($"{path} holds no ranges.");
    }
}
