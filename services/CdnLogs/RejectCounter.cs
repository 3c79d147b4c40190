using System.Text;

namespace CdnPulse.CdnLogs;

/// <summary>
/// Counts rejected lines per reason and keeps the first few as samples. Not thread-safe: use one per batch.
/// </summary>
public sealed class RejectCounter
{
    public const int DefaultMaxSamples = 5;
    public const int SampleLength = 200;

    // Control characters in a sample could forge log lines; tabs stay visible as a symbol.
    private const char TabSymbol = '\u2409';
    private const char ControlSymbol = '\uFFFD';

    private readonly int[] _counts = new int[Enum.GetValues<LineRejectReason>().Length];
    private readonly List<RejectSample> _samples = [];

    public RejectCounter(int maxSamples = DefaultMaxSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSamples);
        MaxSamples = maxSamples;
    }

    public int MaxSamples { get; }

    /// <summary>Rejected lines, all reasons together.</summary>
    public int Total { get; private set; }

    /// <summary>The first <see cref="MaxSamples"/> rejected lines, in the order they were seen.</summary>
    public IReadOnlyList<RejectSample> Samples => _samples;

    /// <summary>Rejected lines for one reason.</summary>
    public int Count(LineRejectReason reason) =>
        (uint)reason < (uint)_counts.Length ? _counts[(int)reason] : 0;

    /// <summary>Non-zero counts per reason.</summary>
    public IReadOnlyDictionary<LineRejectReason, int> ByReason() =>
        Enum.GetValues<LineRejectReason>().Where(r => _counts[(int)r] > 0).ToDictionary(r => r, r => _counts[(int)r]);

    /// <summary>Records a rejected line.</summary>
    public void Add(LineRejectReason reason, int lineNumber, ReadOnlySpan<byte> utf8Line)
    {
        if (reason == LineRejectReason.None || (uint)reason >= (uint)_counts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reject reason.");
        }

        _counts[(int)reason]++;
        Total++;
        if (_samples.Count < MaxSamples)
        {
            _samples.Add(new RejectSample(lineNumber, reason, Sanitize(utf8Line)));
        }
    }

    internal static string Sanitize(ReadOnlySpan<byte> utf8Line)
    {
        // Decoding replaces invalid UTF-8 with U+FFFD; a character takes at most 4 bytes.
        var text = Encoding.UTF8.GetString(utf8Line[..Math.Min(utf8Line.Length, SampleLength * 4)]);
        var length = Math.Min(text.Length, SampleLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Create(length, text, static (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var c = source[i];
                chars[i] = c == '\t' ? TabSymbol : char.IsControl(c) ? ControlSymbol : c;
            }
        });
    }
}
