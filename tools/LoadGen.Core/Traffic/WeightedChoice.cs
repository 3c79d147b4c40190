namespace CdnPulse.LoadGen.Traffic;

/// <summary>Picks items with probability proportional to their weights (cumulative table + binary search).</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = new List<T>();
        var cumulative = new List<double>();
        var total = 0.0;
        foreach (var (item, weight) in entries)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"Weight {weight} of '{item}' is not a finite, non-negative number.", nameof(entries));
            }

            if (weight == 0)
            {
                continue;
            }

            total += weight;
            items.Add(item);
            cumulative.Add(total);
        }

        if (items.Count == 0)
        {
            throw new ArgumentException("At least one entry needs a positive weight.", nameof(entries));
        }

        _items = [.. items];
        _cumulative = [.. cumulative];
    }

    public IReadOnlyList<T> Items => _items;

    public double TotalWeight => _cumulative[^1];

    /// <summary>The probability of <paramref name="index"/> (an index into <see cref="Items"/>).</summary>
    public double Probability(int index) => (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / TotalWeight;

    public T Pick(SeededRandom random) => _items[PickIndex(random)];

    public int PickIndex(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_items.Length == 1)
        {
            return 0;
        }

        var target = random.NextDouble() * TotalWeight;
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _items.Length - 1);
    }
}
