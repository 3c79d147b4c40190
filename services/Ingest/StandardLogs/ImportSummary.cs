using CdnPulse.CdnLogs;

namespace CdnPulse.Ingest.StandardLogs;

/// <summary>What an import read and published: data lines, accepted and rejected (by reason, with samples), batches, and files it could not read.</summary>
public sealed class ImportSummary
{
    private const int MaxSamples = 10;
    private readonly Dictionary<LineRejectReason, long> _rejected = [];
    private readonly List<string> _samples = [];
    private readonly List<string> _errors = [];

    public int Files { get; internal set; }

    /// <summary>Data lines read (directives such as #Version and #Fields are not counted).</summary>
    public long Lines { get; internal set; }

    public long Accepted { get; internal set; }

    public long Rejected => _rejected.Values.Sum();

    public long Batches { get; internal set; }

    public IReadOnlyDictionary<LineRejectReason, long> RejectedByReason => _rejected;

    /// <summary>The first rejected lines, as <c>file:line reason text</c>.</summary>
    public IReadOnlyList<string> Samples => _samples;

    /// <summary>Files that could not be read to the end (corrupt gzip, unreadable), and unusable #Fields headers.</summary>
    public IReadOnlyList<string> Errors => _errors;

    internal void AddRejects(string file, RejectCounter rejects)
    {
        foreach (var (reason, count) in rejects.ByReason())
        {
            _rejected[reason] = _rejected.GetValueOrDefault(reason) + count;
        }
        foreach (var sample in rejects.Samples.Take(MaxSamples - _samples.Count))
        {
            _samples.Add($"{file}:{sample.LineNumber} {sample.Reason} {sample.Text}");
        }
    }

    internal void AddError(string error) => _errors.Add(error);
}
