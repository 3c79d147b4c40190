using System.Numerics;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Overlays the country and ISP range tables (each sorted and non-overlapping) into one <see cref="LocationTable{T}"/>:
/// a sweep over every point where either table's answer may change, keeping a boundary only where the pair changes.
/// </summary>
internal static class LocationTableBuilder
{
    public static LocationTable<T> Build<T>(IpRangeTable<T> country, IpRangeTable<T> isp, int bits, int rootBits)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var starts = new List<T>(country.Count + isp.Count + 1);
        var answers = new List<LocationAnswer>(country.Count + isp.Count + 1);
        var countryCursor = new Cursor<T>(country);
        var ispCursor = new Cursor<T>(isp);
        var point = T.Zero;
        while (true)
        {
            var answer = new LocationAnswer(countryCursor.ValueAt(point), ispCursor.ValueAt(point));
            if (answers.Count == 0 || !ReferenceEquals(answers[^1].Country, answer.Country) || !ReferenceEquals(answers[^1].Isp, answer.Isp))
            {
                starts.Add(point);
                answers.Add(answer);
            }
            var next = Min(countryCursor.NextChangeAfter(point), ispCursor.NextChangeAfter(point));
            if (next is not { } value)
                break;
            point = value;
        }
        return new LocationTable<T>([.. starts], [.. answers], bits, rootBits);
    }

    private static T? Min<T>(T? a, T? b) where T : struct, IBinaryInteger<T> =>
        a is null ? b : b is null ? a : T.Min(a.Value, b.Value);

    /// <summary>Walks one table in address order: which range covers a point, and where the answer changes next.</summary>
    private sealed class Cursor<T>(IpRangeTable<T> table) where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        private int _index;

        /// <summary>The value of the range covering <paramref name="point"/> (the set's shared string), or null.</summary>
        public string? ValueAt(T point)
        {
            var ends = table.Ends;
            while (_index < ends.Length && ends[_index] < point)
                _index++;
            return _index < ends.Length && table.Starts[_index] <= point ? table.Values[table.ValueIndexes[_index]] : null;
        }

        /// <summary>The first address above <paramref name="point"/> where this table's answer may differ, or null.</summary>
        public T? NextChangeAfter(T point)
        {
            if (_index >= table.Count)
                return null;
            var start = table.Starts[_index];
            if (start > point)
                return start;
            var end = table.Ends[_index];
            return end == T.MaxValue ? null : end + T.One;
        }
    }
}
