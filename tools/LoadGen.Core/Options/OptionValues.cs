using System.Globalization;
using CdnPulse.LoadGen.Clients;
using CdnPulse.LoadGen.Traffic;

namespace CdnPulse.LoadGen.Options;

/// <summary>Readers for option values; each returns null and adds a message naming the option when the text is wrong.</summary>
internal static class OptionValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A number with an optional k (thousand) or M (million) suffix: 2000, 2k, 1.5M.</summary>
    public static double? Number(string option, string text, double min, double max, bool minExclusive, List<string> errors, string what)
    {
        var multiplier = text.EndsWith('k') ? 1e3 : text.EndsWith('M') ? 1e6 : 1;
        var digits = multiplier == 1 ? text : text[..^1];
        if (double.TryParse(digits, NumberStyles.Float, Invariant, out var value) && double.IsFinite(value))
        {
            value *= multiplier;
            if ((minExclusive ? value > min : value >= min) && value <= max)
            {
                return value;
            }
        }

        errors.Add($"{option} must be {what} ('{text}').");
        return null;
    }

    public static long? WholeNumber(string option, string text, long min, long max, List<string> errors)
    {
        var value = Number(option, text, min, max, minExclusive: false, errors, $"a whole number from {min:N0} to {max:N0}");
        if (value is { } number && number != Math.Floor(number))
        {
            errors.Add($"{option} must be a whole number ('{text}').");
            return null;
        }

        return value is null ? null : (long)value;
    }

    /// <summary>90s, 5m, 1h, 500ms, or plain seconds.</summary>
    public static TimeSpan? Duration(string option, string text, List<string> errors)
    {
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        var (suffix, seconds) = units.FirstOrDefault(u => text.EndsWith(u.Suffix, StringComparison.Ordinal) && !(u.Suffix == "s" && text.EndsWith("ms", StringComparison.Ordinal)));
        var digits = suffix is null ? text : text[..^suffix.Length];
        if (double.TryParse(digits, NumberStyles.Float, Invariant, out var value) && double.IsFinite(value) && value > 0
            && value * (suffix is null ? 1 : seconds) <= TimeSpan.FromDays(30).TotalSeconds)
        {
            return TimeSpan.FromSeconds(value * (suffix is null ? 1 : seconds));
        }

        errors.Add($"{option} must be a positive time of at most 30 days such as 90s, 5m or 1h ('{text}').");
        return null;
    }

    /// <summary>"now" (null) or an ISO 8601 time; a time without an offset is UTC.</summary>
    public static DateTimeOffset? Start(string option, string text, List<string> errors, out bool valid)
    {
        valid = true;
        if (text.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            && start.Year is >= 1970 and <= 9999)
        {
            return start;
        }

        valid = false;
        errors.Add($"{option} must be 'now' or an ISO 8601 time such as 2026-01-15T10:00:00Z ('{text}').");
        return null;
    }

    /// <summary>name[:profile][=weight], comma-separated.</summary>
    public static IReadOnlyList<DomainSettings>? Domains(string option, string text, List<string> errors)
    {
        var domains = new List<DomainSettings>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (nameAndProfile, weight) = SplitWeight(item);
            var colon = nameAndProfile.IndexOf(':');
            var name = colon < 0 ? nameAndProfile : nameAndProfile[..colon];
            var profileText = colon < 0 ? null : nameAndProfile[(colon + 1)..];
            var profile = DomainProfile.Web;
            if (profileText is not null && !Enum.TryParse(profileText, ignoreCase: true, out profile))
            {
                errors.Add($"{option}: '{profileText}' is not a domain profile; use one of {string.Join(", ", Enum.GetNames<DomainProfile>().Select(n => n.ToLowerInvariant()))}.");
                return null;
            }

            if (!IsHostName(name))
            {
                errors.Add($"{option}: '{name}' is not a host name (letters, digits, '-' and '.', like www.example.com).");
                return null;
            }

            if (ParseWeight(option, item, weight, errors) is not { } value)
            {
                return null;
            }

            if (domains.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{option}: '{name}' is listed more than once.");
                return null;
            }

            // Without a profile, domains cycle through the kinds of site so a plain list is still a varied mix.
            domains.Add(new DomainSettings(name, value, profileText is null ? (DomainProfile)(domains.Count % Enum.GetValues<DomainProfile>().Length) : profile));
        }

        return domains;
    }

    /// <summary>CC[=weight], comma-separated; two upper-case letters.</summary>
    public static IReadOnlyList<CountryWeight>? Countries(string option, string text, List<string> errors)
    {
        var countries = new List<CountryWeight>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (code, weight) = SplitWeight(item);
            if (code.Length != 2 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
            {
                errors.Add($"{option}: '{code}' is not an ISO 3166 country code (two upper-case letters, like US).");
                return null;
            }

            if (ParseWeight(option, item, weight, errors) is not { } value)
            {
                return null;
            }

            if (countries.Any(c => c.Country == code))
            {
                errors.Add($"{option}: '{code}' is listed more than once.");
                return null;
            }

            countries.Add(new CountryWeight(code, value));
        }

        return countries;
    }

    private static (string Name, string? Weight) SplitWeight(string item)
    {
        var equals = item.LastIndexOf('=');
        return equals < 0 ? (item, null) : (item[..equals], item[(equals + 1)..]);
    }

    private static double? ParseWeight(string option, string item, string? weight, List<string> errors)
    {
        if (weight is null)
        {
            return 1;
        }

        if (double.TryParse(weight, NumberStyles.Float, Invariant, out var value) && double.IsFinite(value) && value > 0)
        {
            return value;
        }

        errors.Add($"{option}: the weight in '{item}' must be a positive number.");
        return null;
    }

    private static bool IsHostName(string name) =>
        name.Length is > 0 and <= 253 && !name.StartsWith('.') && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
