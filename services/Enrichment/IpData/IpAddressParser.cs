using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Turns IP text into integers. Every address is a 128-bit value; an IPv4 address becomes its IPv4-mapped
/// IPv6 form (::ffff:a.b.c.d), so one lookup path serves both families.
/// </summary>
internal static class IpAddressParser
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    // The longest text form of an address with a zone id is well under this.
    private const int MaxAddressLength = 128;

    public static bool IsIPv4Mapped(UInt128 address) => address >> 32 == 0xFFFF;

    public static UInt128 MapIPv4(uint address) => MappedPrefix | address;

    /// <summary>Parses any address <see cref="IPAddress"/> accepts; dotted quads and plain IPv6 without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address)
    {
        if (TryParseIPv4(text, out var v4))
        {
            address = MapIPv4(v4);
            return true;
        }
        if (TryParsePlainIPv6(text, out address))
            return true;
        // Rare forms (embedded IPv4, "010.1.1.1" octal, zone ids) get the framework's full parser.
        address = default;
        return IPAddress.TryParse(text, out var parsed) && TryConvert(parsed, out address);
    }

    /// <summary>
    /// Same answers as <see cref="TryParse"/> for UTF-8 text. Dotted quads and plain IPv6 (hex groups, one "::") are read
    /// here without allocating; anything else (embedded IPv4, zone ids, octal) goes through the char path.
    /// </summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> text, out UInt128 address)
    {
        if (TryParseIPv4(text, out var v4))
        {
            address = MapIPv4(v4);
            return true;
        }
        if (TryParsePlainIPv6(text, out address))
            return true;
        if (text.IsEmpty || text.Length > MaxAddressLength || !Ascii.IsValid(text))
        {
            address = default;
            return false;
        }
        Span<char> chars = stackalloc char[text.Length];
        Ascii.ToUtf16(text, chars, out _);
        return TryParse(chars, out address);
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
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out uint address) => TryParseDottedQuad(text, out address);

    /// <summary>The dotted-quad rules of <see cref="TryParseIPv4(ReadOnlySpan{char}, out uint)"/>, on UTF-8.</summary>
    public static bool TryParseIPv4(ReadOnlySpan<byte> text, out uint address) => TryParseDottedQuad(text, out address);

    private static bool TryParseDottedQuad<TChar>(ReadOnlySpan<TChar> text, out uint address)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        address = 0;
        uint value = 0;
        var i = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || uint.CreateTruncating(text[i]) != '.')
                    return false;
                i++;
            }
            var start = i;
            uint part = 0;
            uint digit;
            while (i < text.Length && i - start < 3 && (digit = uint.CreateTruncating(text[i]) - '0') <= 9)
            {
                part = part * 10 + digit;
                i++;
            }
            var length = i - start;
            if (length == 0 || part > 255 || (length > 1 && uint.CreateTruncating(text[start]) == '0'))
                return false;
            value = value << 8 | part;
        }
        if (i != text.Length)
            return false;
        address = value;
        return true;
    }

    /// <summary>
    /// IPv6 as eight hex groups of up to four digits, or fewer around one "::". Rejects (for the general parser to
    /// judge) anything else, so whatever it accepts, <see cref="IPAddress"/> reads the same way.
    /// </summary>
    public static bool TryParsePlainIPv6(ReadOnlySpan<byte> text, out UInt128 address) => TryParsePlainIPv6<byte>(text, out address);

    /// <summary>The plain IPv6 form of <see cref="TryParsePlainIPv6(ReadOnlySpan{byte}, out UInt128)"/>, on UTF-16.</summary>
    public static bool TryParsePlainIPv6(ReadOnlySpan<char> text, out UInt128 address) => TryParsePlainIPv6<char>(text, out address);

    private static bool TryParsePlainIPv6<TChar>(ReadOnlySpan<TChar> text, out UInt128 address)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Groups before a "::" accumulate in head, groups after it in tail; the gap's zeros go between the two.
        address = default;
        UInt128 head = 0, tail = 0;
        int count = 0, gap = -1, i = 0;
        if (text.Length >= 2 && uint.CreateTruncating(text[0]) == ':' && uint.CreateTruncating(text[1]) == ':')
        {
            gap = 0;
            i = 2;
        }
        while (i < text.Length)
        {
            int start = i, value = 0;
            while (i < text.Length && i - start < 4 && HexValue(uint.CreateTruncating(text[i])) is var digit and >= 0)
            {
                value = value << 4 | digit;
                i++;
            }
            if (i == start || count == 8)
                return false;
            count++;
            if (gap < 0)
                head = head << 16 | (uint)value;
            else
                tail = tail << 16 | (uint)value;
            if (i == text.Length)
                break;
            if (uint.CreateTruncating(text[i]) != ':')
                return false; // '.', '%', a fifth hex digit …: not the plain form
            i++;
            if (i < text.Length && uint.CreateTruncating(text[i]) == ':')
            {
                if (gap >= 0)
                    return false;
                gap = count;
                i++;
            }
            else if (i == text.Length)
                return false; // a single trailing colon
        }
        if (gap < 0)
        {
            if (count != 8)
                return false;
            address = head;
            return true;
        }
        if (count > 7)
            return false;
        address = (gap == 0 ? 0 : head << (16 * (8 - gap))) | tail;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HexValue(uint c) => c switch
    {
        >= '0' and <= '9' => (int)c - '0',
        >= 'a' and <= 'f' => (int)c - 'a' + 10,
        >= 'A' and <= 'F' => (int)c - 'A' + 10,
        _ => -1,
    };

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
