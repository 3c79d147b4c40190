namespace CdnPulse.CdnLogs;

/// <summary>
/// The columns of a CloudFront real-time log line, built from a real-time log configuration's <c>Fields</c>.
/// CloudFront writes the selected fields in its canonical order whatever order they were selected in,
/// so the fields are sorted here.
/// </summary>
public sealed class RealtimeLogFormat
{
    private readonly RealtimeLogField[] _fields;
    private readonly IReadOnlyList<RealtimeLogField> _readOnlyFields;
    private readonly int[] _indexByField;

    /// <summary>Builds a format from CloudFront field names, in any order.</summary>
    /// <exception cref="ArgumentException">A name is empty, unknown or repeated, or a required field is missing.</exception>
    public RealtimeLogFormat(IEnumerable<string> fieldNames)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);

        var selected = new bool[RealtimeLogFields.Canonical.Count];
        var position = 0;
        foreach (var name in fieldNames)
        {
            position++;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"Field name #{position} is empty.", nameof(fieldNames));
            }

            if (!RealtimeLogFields.TryParse(name, out var field))
            {
                throw new ArgumentException(
                    $"Unknown CloudFront real-time log field '{name}' (#{position}). Names are lower case, for example 'cs-host'.",
                    nameof(fieldNames));
            }

            if (selected[(int)field])
            {
                throw new ArgumentException($"Field '{name}' is listed more than once.", nameof(fieldNames));
            }

            selected[(int)field] = true;
        }

        var missing = RealtimeLogFields.Required.Where(f => !selected[(int)f]).Select(RealtimeLogFields.NameOf).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The real-time log format lacks required field(s): {string.Join(", ", missing)}.", nameof(fieldNames));
        }

        _fields = RealtimeLogFields.Canonical.Where(f => selected[(int)f]).ToArray();
        _readOnlyFields = Array.AsReadOnly(_fields);
        _indexByField = new int[selected.Length];
        Array.Fill(_indexByField, -1);
        for (var i = 0; i < _fields.Length; i++)
        {
            _indexByField[(int)_fields[i]] = i;
        }
    }

    /// <summary>The 11-field format of the CloudFront Extensions monitoring solution.</summary>
    public static RealtimeLogFormat Default { get; } =
        new(RealtimeLogFields.Default11.Select(RealtimeLogFields.NameOf));

    /// <summary>Every known field.</summary>
    public static RealtimeLogFormat All { get; } = new(RealtimeLogFields.CanonicalNames);

    /// <summary>The fields, in the order their columns appear in a line.</summary>
    public IReadOnlyList<RealtimeLogField> Fields => _readOnlyFields;

    /// <summary>Number of tab-separated columns in a line.</summary>
    public int FieldCount => _fields.Length;

    /// <summary>Builds a format from a comma-separated list such as <c>timestamp,c-ip,sc-status</c>.</summary>
    public static RealtimeLogFormat Parse(string commaSeparatedFields)
    {
        ArgumentNullException.ThrowIfNull(commaSeparatedFields);
        return new RealtimeLogFormat(commaSeparatedFields.Split(',', StringSplitOptions.TrimEntries));
    }

    /// <summary>Column index of <paramref name="field"/>, or -1 when the format does not carry it.</summary>
    public int IndexOf(RealtimeLogField field) =>
        (uint)field < (uint)_indexByField.Length ? _indexByField[(int)field] : -1;

    public bool Contains(RealtimeLogField field) => IndexOf(field) >= 0;

    /// <summary>The field names, comma-separated, in column order.</summary>
    public override string ToString() => string.Join(',', _fields.Select(RealtimeLogFields.NameOf));
}
