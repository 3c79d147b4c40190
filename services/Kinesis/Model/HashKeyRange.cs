using System.Globalization;
using System.Numerics;

namespace CdnPulse.Kinesis.Model;

/// <summary>The inclusive range of 128-bit hash keys a shard owns, as the decimal strings the API uses.</summary>
public sealed record HashKeyRange(string StartingHashKey, string EndingHashKey)
{
    /// <summary>The first hash key of the upper half: a valid NewStartingHashKey for splitting this shard in two.</summary>
    public string MidpointHashKey()
    {
        var start = BigInteger.Parse(StartingHashKey, CultureInfo.InvariantCulture);
        var end = BigInteger.Parse(EndingHashKey, CultureInfo.InvariantCulture);
        return (start + ((end - start + 1) / 2)).ToString(CultureInfo.InvariantCulture);
    }
}
