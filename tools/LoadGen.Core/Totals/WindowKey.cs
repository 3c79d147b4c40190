namespace CdnPulse.LoadGen.Totals;

/// <summary>One metric window: a domain, a UTC minute (Unix epoch milliseconds of its start) and a viewer country.</summary>
public readonly record struct WindowKey(string Domain, long MinuteStartMs, string Country) : IComparable<WindowKey>
{
    public int CompareTo(WindowKey other)
    {
        var byDomain = string.CompareOrdinal(Domain, other.Domain);
        if (byDomain != 0)
        {
            return byDomain;
        }

        var byMinute = MinuteStartMs.CompareTo(other.MinuteStartMs);
        return byMinute != 0 ? byMinute : string.CompareOrdinal(Country, other.Country);
    }
}
