using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace CdnPulse.Metrics;

/// <summary>
/// The heavy hitters among a window's URLs (cs-uri-stem), by requests and by bytes. Aggregation counts every URL
/// exactly while it folds a group of batches, then keeps only the top <see cref="Capacity"/> by requests and the top
/// <see cref="Capacity"/> by bytes (<see cref="Truncate"/>); a kept URL keeps both exact counts. Summaries merge by
/// adding counts per URL, which is exact, associative and order-independent.
/// <para>
/// Error bound: every count is a lower bound, and a URL dropped from a summary of n requests had at most
/// n / (Capacity + 1) of them (Capacity + 1 URLs each at least that frequent cannot exceed n). Summed over any set
/// of summaries, a URL's requests are under-counted by at most N / (Capacity + 1), N being their total requests;
/// the same holds for bytes. This is the Misra-Gries / Space-Saving bound, without their decrements.
/// </para>
/// </summary>
[JsonConverter(typeof(UrlSummaryJsonConverter))]
public sealed class UrlSummary
{
    /// <summary>URLs kept per ranking when a contribution is truncated.</summary>
    public const int Capacity = 100;

    /// <summary>Longest path kept, in UTF-16 characters; longer ones are cut (they must fit a PostgreSQL index row).</summary>
    public const int MaxUrlLength = 512;

    private readonly Dictionary<string, UrlTally> _urls = new(StringComparer.Ordinal);

    public int Count => _urls.Count;

    /// <summary>The URLs and their tallies, in ordinal order of the path.</summary>
    public IEnumerable<KeyValuePair<string, UrlTally>> Urls => _urls.OrderBy(kv => kv.Key, StringComparer.Ordinal);

    public UrlTally this[string url] => _urls.TryGetValue(url, out var tally) ? tally : default;

    /// <summary>Counts one request of <paramref name="bytes"/> for the path, cut to <see cref="MaxUrlLength"/>.</summary>
    public void Add(string url, long bytes) => Add(Clip(url), new UrlTally(1, bytes));

    public void Add(string url, UrlTally tally)
    {
        ArgumentNullException.ThrowIfNull(url);
        ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(_urls, url, out _);
        current = new UrlTally(current.Requests + tally.Requests, current.Bytes + tally.Bytes);
    }

    public void Merge(UrlSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (url, tally) in other._urls)
        {
            Add(url, tally);
        }
    }

    /// <summary>
    /// A summary with the union of the top <paramref name="capacity"/> URLs by requests and by bytes (ties broken
    /// by path, ordinal), so the result does not depend on the order URLs were seen in.
    /// </summary>
    public UrlSummary Truncate(int capacity = Capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var truncated = new UrlSummary();
        if (_urls.Count <= capacity)
        {
            truncated.Merge(this);
            return truncated;
        }
        foreach (var (url, tally) in Top(capacity, UrlRanking.Requests).Concat(Top(capacity, UrlRanking.Bytes)))
        {
            truncated._urls[url] = tally;
        }
        return truncated;
    }

    /// <summary>The path as stored: at most <see cref="MaxUrlLength"/> characters, never ending in half a surrogate pair.</summary>
    public static string Clip(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length <= MaxUrlLength)
        {
            return url;
        }
        var length = char.IsHighSurrogate(url[MaxUrlLength - 1]) ? MaxUrlLength - 1 : MaxUrlLength;
        return url[..length];
    }

    /// <summary>The <paramref name="count"/> largest URLs by <paramref name="ranking"/>, ties broken by path (ordinal).</summary>
    public IReadOnlyList<KeyValuePair<string, UrlTally>> Top(int count, UrlRanking ranking)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Func<KeyValuePair<string, UrlTally>, long> value = ranking == UrlRanking.Requests ? kv => kv.Value.Requests : kv => kv.Value.Bytes;
        return _urls.Where(kv => value(kv) > 0).OrderByDescending(value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(count).ToList();
    }
}
