namespace CdnPulse.MetricsQuery.Caching;

/// <summary>
/// Compares strings in the byte order of their UTF-8 encoding (PostgreSQL's <c>collate "C"</c>), which is code-point
/// order: ordinal UTF-16 comparison agrees except that surrogates (code points above U+FFFF) must sort after U+E000–U+FFFF.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Key(x[i]).CompareTo(Key(y[i]));
            }
        }
        return x.Length.CompareTo(y.Length);
    }

    private static int Key(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
