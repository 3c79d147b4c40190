namespace CdnPulse.Enrichment.IpData;

/// <summary>Gives each distinct value one index and one string; looking up a repeat allocates nothing.</summary>
internal sealed class StringInterner
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];

    public StringInterner() => _lookup = _indexes.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Intern(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var index))
            return index;
        var text = value.ToString();
        index = _values.Count;
        _values.Add(text);
        _indexes.Add(text, index);
        return index;
    }

    public string[] ToArray() => [.. _values];
}
