using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Turns IP text into integers. Every address is a 128-bit value; an IPv4 address becomes its IPv4-mapped
/// IPv6 form (::ffff:a.b.c.d), so one lookup path serves both families.
/// </summary>
internal static class IpAddressParser
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    public static bool IsIPv4Mapped(UInt128 address) => address >> 32 == 0xFFFF;

    public static UInt128 MapIPv4(uint address) => MappedPrefix | address;

    /// <summary>Parses any address <see cref="IPAddress"/> accepts; dotted-quad IPv4 without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address)
    {
        if (TryParseIPv4(text, out var v4))
        {
            address = MapIPv4(v4);
            return true;
        }
        // Rare forms (IPv6, "010.1.1.1" octal, zone ids) get the framework's full parser.
        address = default;
        return IPAddress.TryParse(text, out var parsed) && TryConvert(parsed, out address);
    }

    public static bool TryConvert(IPAddress address, out UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        switch (address.AddressFamily)
        {
            case AddressFamily.InterNetwork when address.TryWriteBytes(bytes, out _):
                value = MapIPv4(BinaryPrimitives.ReadUInt32BigEndian(bytes));
                return true;
            case AddressFamily.InterNetworkV6 when address.TryWriteBytes(bytes, out _):
                value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>Strict dotted quad: four decimal octets, no leading zeros (IPAddress reads those as octal).</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        uint value = 0;
        var i = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || text[i] != '.')
                    return false;
                i++;
            }
            var start = i;
            uint part = 0;
            while (i < text.Length && i - start < 3 && char.IsAsciiDigit(text[i]))
                part = part * 10 + (uint)(text[i++] - '0');
            var length = i - start;
            if (length == 0 || part > 255 || (length > 1 && text[start] == '0'))
                return false;
            value = value << 8 | part;
        }
        if (i != text.Length)
            return false;
        address = value;
        return true;
    }

    /// <summary>A range endpoint in a data file: an address of the file's family, or its decimal value (the -num files).</summary>
    public static bool TryParseEndpoint(ReadOnlySpan<char> text, bool ipv6, out UInt128 value)
    {
        if (!text.IsEmpty && !text.ContainsAnyExcept("0123456789"))
        {
            if (ipv6)
                return UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            var parsed = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v4);
            value = v4;
            return parsed;
        }
        return TryParseAddress(text, ipv6, out value);
    }

    /// <summary>A CIDR block ("1.0.0.0/24", "2001:200::/32") as its first and last address.</summary>
    public static bool TryParseCidr(ReadOnlySpan<char> text, bool ipv6, out UInt128 first, out UInt128 last)
    {
        first = last = default;
        var slash = text.IndexOf('/');
        var bits = ipv6 ? 128 : 32;
        if (slash < 0
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > bits
            || !TryParseAddress(text[..slash], ipv6, out var address))
            return false;
        var hostBits = bits - prefix;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        first = address & ~hostMask;
        last = first | hostMask;
        return true;
    }

    public static string Format(UInt128 value, bool ipv6)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!ipv6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
            return new IPAddress(bytes[..4]).ToString();
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }

    // IPv4 endpoints are returned as plain 32-bit values, IPv6 ones as 128-bit values.
    private static bool TryParseAddress(ReadOnlySpan<char> text, bool ipv6, out UInt128 value)
    {
        value = default;
        if (!ipv6)
        {
            var parsed = TryParseIPv4(text, out var v4);
            value = v4;
            return parsed;
        }
        if (!text.Contains(':') || !IPAddress.TryParse(text, out var address)
            || address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        return TryConvert(address, out value);
    }
}
