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

    public static bool IsNull(ReadOnlySpan<byte> value) => value.IsEmpty || value.SequenceEqual("-"u8);

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
        millis = 0;
        var dot = value.IndexOf((byte)'.');
        var whole = dot < 0 ? value : value[..dot];
        if (!TryParseDigits(whole, 12, out var seconds))
        {
            return false;
        }

        long fraction = 0;
        if (dot >= 0)
        {
            var digits = value[(dot + 1)..];
            if (digits.IsEmpty || digits.Length > 18 || !TryParseDigits(digits, 18, out _))
            {
                return false;
            }

            for (var i = 0; i < 3; i++)
            {
                fraction = (fraction * 10) + (i < digits.Length ? digits[i] - '0' : 0);
            }
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
        millis = 0;
        var dot = value.IndexOf((byte)'.');
        var whole = dot < 0 ? value : value[..dot];
        var fractionDigits = dot < 0 ? default : value[(dot + 1)..];
        if (whole.IsEmpty || (dot >= 0 && fractionDigits.IsEmpty) || whole.Length + fractionDigits.Length > 15)
        {
            return false;
        }

        if (!TryParseDigits(whole, 15, out var mantissa))
        {
            return false;
        }

        if (!fractionDigits.IsEmpty)
        {
            if (!TryParseDigits(fractionDigits, 15, out var fraction))
            {
                return false;
            }

            mantissa = (mantissa * PowersOfTen[fractionDigits.Length]) + fraction;
        }

        var scale = fractionDigits.Length - 3;
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

        Span<char> chars = stackalloc char[MaxIpLength];
        return Ascii.ToUtf16(value, chars, out var written) == OperationStatus.Done
            && IPAddress.IsValid(chars[..written]);
    }

    private static bool IsDottedQuad(ReadOnlySpan<byte> value)
    {
        for (var part = 0; part < 4; part++)
        {
            var dot = value.IndexOf((byte)'.');
            var last = part == 3;
            if (last != (dot < 0))
            {
                return false;
            }

            var octet = last ? value : value[..dot];
            if (!TryParseDigits(octet, 3, out var number) || number > 255)
            {
                return false;
            }

            value = last ? default : value[(dot + 1)..];
        }

        return true;
    }
}
