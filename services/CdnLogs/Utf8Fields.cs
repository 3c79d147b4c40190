using System.Buffers;
using System.Net;
using System.Text;

namespace CdnPulse.CdnLogs;

/// <summary>Allocation-free readers for the numeric and address fields of a log line.</summary>
internal static class Utf8Fields
{
    private const int MaxIpLength = 64;

    // Powers of ten up to 10^15: every value and quotient below stays exact in a double (< 2^53).
    private static readonly long[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000,
    ];

    public static bool IsNull(ReadOnlySpan<byte> value) => value.IsEmpty || (value.Length == 1 && value[0] == (byte)'-');

    /// <summary>Reads 1 to <paramref name="maxDigits"/> ASCII digits (at most 18).</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> value, int maxDigits, out long result)
    {
        result = 0;
        if (value.IsEmpty || value.Length > maxDigits)
        {
            return false;
        }

        foreach (var b in value)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// Epoch seconds with an optional fraction (<c>1634814300.123</c>) to whole milliseconds, without floating
    /// point. Fraction digits beyond the third are checked but truncated: CloudFront writes three.
    /// </summary>
    public static bool TryParseEpochMillis(ReadOnlySpan<byte> value, out long millis)
    {
        // One pass: up to 12 digits of seconds, then optionally '.' and 1 to 18 digits of which the first three count.
        millis = 0;
        long seconds = 0;
        var i = 0;
        for (; i < value.Length && value[i] != (byte)'.'; i++)
        {
            var digit = (uint)(value[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            seconds = (seconds * 10) + digit;
        }

        if (i is 0 or > 12)
        {
            return false;
        }

        long fraction = 0;
        var fractionDigits = 0;
        if (i < value.Length)
        {
            var digits = value[(i + 1)..];
            if (digits.IsEmpty || digits.Length > 18)
            {
                return false;
            }

            foreach (var b in digits)
            {
                var digit = (uint)(b - '0');
                if (digit > 9)
                {
                    return false;
                }

                if (fractionDigits++ < 3)
                {
                    fraction = (fraction * 10) + digit;
                }
            }
        }

        for (; fractionDigits < 3; fractionDigits++)
        {
            fraction *= 10;
        }

        millis = (seconds * 1000) + fraction;
        return true;
    }

    /// <summary>
    /// Decimal seconds (<c>0.002</c>) to milliseconds. The decimal is read as an integer mantissa and scaled once,
    /// so values with up to three decimals come out as exact whole milliseconds.
    /// </summary>
    public static bool TryParseSecondsAsMillis(ReadOnlySpan<byte> value, out double millis)
    {
        // One pass over at most 15 digits (exact in a double) with at most one '.', neither side empty.
        millis = 0;
        long mantissa = 0;
        int wholeDigits = 0, fractionDigits = 0;
        var dot = false;
        foreach (var b in value)
        {
            if (b == (byte)'.')
            {
                if (dot)
                {
                    return false;
                }

                dot = true;
                continue;
            }

            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            if (dot)
            {
                fractionDigits++;
            }
            else
            {
                wholeDigits++;
            }
        }

        if (wholeDigits == 0 || (dot && fractionDigits == 0) || wholeDigits + fractionDigits > 15)
        {
            return false;
        }

        var scale = fractionDigits - 3;
        millis = scale <= 0 ? mantissa * PowersOfTen[-scale] : (double)mantissa / PowersOfTen[scale];
        return true;
    }

    /// <summary>An IPv4 dotted quad or an IPv6 address.</summary>
    public static bool IsIpAddress(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > MaxIpLength)
        {
            return false;
        }

        if (value.IndexOf((byte)':') < 0)
        {
            // IPAddress also accepts forms like "1" or "0x7f.1"; a viewer address is always a dotted quad.
            return IsDottedQuad(value);
        }

        // The usual IPv6 forms are checked here; anything else (embedded IPv4, zone ids) by the framework's parser.
        if (IsPlainIPv6(value))
        {
            return true;
        }

        Span<char> chars = stackalloc char[MaxIpLength];
        return Ascii.ToUtf16(value, chars, out var written) == OperationStatus.Done
            && IPAddress.IsValid(chars[..written]);
    }

    /// <summary>
    /// IPv6 as eight groups of one to four hex digits, or fewer around one <c>::</c>. False for any other text, valid
    /// or not: whatever this accepts, <see cref="IPAddress"/> accepts too.
    /// </summary>
    private static bool IsPlainIPv6(ReadOnlySpan<byte> value)
    {
        int groups = 0, i = 0;
        var gap = false;
        if (value.StartsWith("::"u8))
        {
            gap = true;
            i = 2;
        }

        while (i < value.Length)
        {
            var start = i;
            while (i < value.Length && i - start < 4 && char.IsAsciiHexDigit((char)value[i]))
            {
                i++;
            }

            if (i == start || ++groups > 8)
            {
                return false;
            }

            if (i == value.Length)
            {
                break;
            }

            if (value[i] != (byte)':' || ++i == value.Length)
            {
                return false;
            }

            if (value[i] == (byte)':')
            {
                if (gap)
                {
                    return false;
                }

                gap = true;
                i++;
            }
        }

        return gap ? groups <= 7 : groups == 8;
    }

    // One pass: four groups of 1 to 3 digits, each at most 255, separated by single dots.
    private static bool IsDottedQuad(ReadOnlySpan<byte> value)
    {
        int dots = 0, digits = 0, octet = 0;
        foreach (var b in value)
        {
            if (b == (byte)'.')
            {
                if (digits == 0 || ++dots > 3)
                {
                    return false;
                }

                digits = octet = 0;
                continue;
            }

            var digit = (int)(uint)(b - '0');
            if ((uint)digit > 9 || ++digits > 3 || (octet = (octet * 10) + digit) > 255)
            {
                return false;
            }
        }

        return dots == 3 && digits > 0;
    }
}
