using System.Collections.Concurrent;

namespace CdnPulse.Hosting;

/// <summary>Keeps the last lines of each resource in memory (for tests and failure messages), optionally forwarding them.</summary>
public sealed class RecordingResourceLog(IResourceLog? next = null, int capacityPerResource = 400) : IResourceLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lines = new();

    public void Line(string resource, string line, bool isError)
    {
        var queue = _lines.GetOrAdd(resource, _ => new ConcurrentQueue<string>());
        queue.Enqueue(line);
        while (queue.Count > capacityPerResource && queue.TryDequeue(out _))
        {
        }
        next?.Line(resource, line, isError);
    }

    public IReadOnlyList<string> Tail(string resource, int count = 40) =>
        _lines.TryGetValue(resource, out var queue) ? queue.TakeLast(count).ToArray() : [];
}
