using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CdnPulse.LoadGen.Clients;

/// <summary>
/// Reads the @ip-location-db range files (no header; <c>start,end,country</c> or <c>start,end,asn,organisation</c>,
/// organisation names quoted when they hold commas or quotes).
/// </summary>
internal static class IpDataCsv
{
    public const string InstallHint = "Install it with `npm ci --prefix tools/node` from the repository root, or pass --ip-data <folder>.";

    public readonly record struct Row(UInt128 First, UInt128 Last, string Value, long Asn);

    /// <summary>The file <paramref name="name"/> in <paramref name="folder"/> or its npm package subfolder.</summary>
    public static string Locate(string folder, string package, string name)
    {
        foreach (var candidate in new[] { Path.Combine(folder, name), Path.Combine(folder, package, name) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The IP data file {name} is not in '{folder}' or '{Path.Combine(folder, package)}'. {InstallHint}");
    }

    /// <summary>The rows with a value, sorted by start.</summary>
    public static List<Row> Read(string path, bool ipv6, bool asn)
    {
        var rows = new List<Row>(1 << 16);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        var quoted = new StringBuilder();
        var lineNumber = 0;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            var line = text.AsSpan();
            if (line.IsEmpty)
            {
                continue;
            }

            if (!TryNext(ref line, out var start) || !TryNext(ref line, out var end)
                || !TryParseAddress(start, ipv6, out var first) || !TryParseAddress(end, ipv6, out var last) || first > last)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not a start,end,… address range.");
            }

            long number = 0;
            if (asn && (!TryNext(ref line, out var asnText) || !long.TryParse(asnText, out number)))
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: the third field is not an AS number.");
            }

            var value = Unquote(line, quoted);
            if (value.IsEmpty)
            {
                continue;
            }

            if (!lookup.TryGetValue(value, out var shared))
            {
                shared = value.ToString();
                strings.Add(shared, shared);
            }

            rows.Add(new Row(first, last, shared, number));
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no ranges.");
        }

        if (!IsSorted(rows))
        {
            rows.Sort((a, b) => a.First.CompareTo(b.First));
        }

        return rows;
    }

    private static bool TryNext(ref ReadOnlySpan<char> line, out ReadOnlySpan<char> field)
    {
        var comma = line.IndexOf(',');
        field = comma < 0 ? default : line[..comma];
        line = comma < 0 ? line : line[(comma + 1)..];
        return comma >= 0;
    }

    // The last field: as is, or RFC 4180-quoted ("" for a quote).
    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field, StringBuilder buffer)
    {
        if (field.IsEmpty || field[0] != '"')
        {
            return field;
        }

        buffer.Clear();
        for (var i = 1; i < field.Length; i++)
        {
            if (field[i] == '"')
            {
                if (i + 1 < field.Length && field[i + 1] == '"')
                {
                    buffer.Append('"');
                    i++;
                    continue;
                }

                break;
            }

            buffer.Append(field[i]);
        }

        return buffer.ToString();
    }

    private static bool IsSorted(List<Row> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].First < rows[i - 1].First)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, bool ipv6, out UInt128 value)
    {
        value = default;
        if (!ipv6)
        {
            return TryParseIPv4(text, out value);
        }

        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return true;
    }

    private static bool TryParseIPv4(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = default;
        uint address = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            var dot = text.IndexOf('.');
            var part = octet == 3 ? text : dot < 0 ? default : text[..dot];
            if (part.IsEmpty || part.Length > 3 || !uint.TryParse(part, out var number) || number > 255)
            {
                return false;
            }

            address = (address << 8) | number;
            text = octet == 3 ? default : text[(dot + 1)..];
        }

        value = address;
        return true;
    }
}
