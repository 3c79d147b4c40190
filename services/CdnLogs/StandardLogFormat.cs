using System.Text;

namespace CdnPulse.CdnLogs;

/// <summary>
/// The columns of a CloudFront standard (access) log file: W3C extended format, tab-separated, named by the file's
/// <c>#Fields:</c> header line. Field names are kept as written (<c>cs(Host)</c>, <c>x-host-header</c>, …) and
/// matched case-insensitively.
/// </summary>
public sealed class StandardLogFormat
{
    /// <summary>The header prefix that names the columns, for example <c>#Fields: date time x-edge-location …</c>.</summary>
    public const string FieldsDirective = "#Fields:";

    /// <summary>The 33 fields CloudFront writes in a standard log, in their order (CloudFront Developer Guide, "Standard log file fields").</summary>
    public static IReadOnlyList<string> CloudFrontFields { get; } =
    [
        "date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method", "cs(Host)", "cs-uri-stem", "sc-status",
        "cs(Referer)", "cs(User-Agent)", "cs-uri-query", "cs(Cookie)", "x-edge-result-type", "x-edge-request-id",
        "x-host-header", "cs-protocol", "cs-bytes", "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher",
        "x-edge-response-result-type", "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port",
        "time-to-first-byte", "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start",
        "sc-range-end",
    ];

    /// <summary>Fields a line must carry to be counted: when it happened, who asked, what came back, for which path.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["date", "time", "c-ip", "sc-status", "sc-bytes", "cs-uri-stem"];

    private readonly string[] _fields;

    /// <exception cref="ArgumentException">A name is empty or repeated, a required field is missing, or neither x-host-header nor cs(Host) is present.</exception>
    public StandardLogFormat(IEnumerable<string> fieldNames)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        _fields = [.. fieldNames];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(_fields[i]))
            {
                throw new ArgumentException($"Field name #{i + 1} is empty.", nameof(fieldNames));
            }

            if (!seen.Add(_fields[i]))
            {
                throw new ArgumentException($"Field '{_fields[i]}' is listed more than once.", nameof(fieldNames));
            }
        }

        var missing = RequiredFields.Where(f => !seen.Contains(f)).ToList();
        if (!seen.Contains("x-host-header") && !seen.Contains("cs(Host)"))
        {
            missing.Add("x-host-header or cs(Host)");
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException($"The standard log format lacks required field(s): {string.Join(", ", missing)}.", nameof(fieldNames));
        }
    }

    /// <summary>The format CloudFront writes (used for a file without a <c>#Fields</c> header).</summary>
    public static StandardLogFormat CloudFront { get; } = new(CloudFrontFields);

    /// <summary>The field names, in column order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    public int FieldCount => _fields.Length;

    /// <summary>Column index of a field (case-insensitive), or -1.</summary>
    public int IndexOf(string field) => Array.FindIndex(_fields, f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a <c>#Fields:</c> header line (UTF-8); false when the line is not one or names an unusable field list.</summary>
    public static bool TryParseHeader(ReadOnlySpan<byte> line, out StandardLogFormat? format, out string? error)
    {
        format = null;
        error = null;
        var text = Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');
        if (!text.StartsWith(FieldsDirective, StringComparison.OrdinalIgnoreCase))
        {
            error = "not a #Fields header";
            return false;
        }

        try
        {
            format = new StandardLogFormat(text[FieldsDirective.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    public override string ToString() => string.Join(' ', _fields);
}
