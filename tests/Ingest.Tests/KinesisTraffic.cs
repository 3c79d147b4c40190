using System.Text;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;
using CdnPulse.Kinesis;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Ingest.Tests;

/// <summary>Unique, countable log lines put into a Kinesis stream: each line's path names it.</summary>
internal static class KinesisTraffic
{
    private static readonly LogLineWriter Writer = new(RealtimeLogFormat.Default);

    public static string PathOf(string tag, int number) => $"/{tag}/{number}";

    public static byte[] Line(string tag, int number) => Encoding.UTF8.GetBytes(Writer.Write(new CdnRequest(
        1_768_471_200_000 + number, "8.8.8.8", 200, 1000 + number, "lease.example.com", PathOf(tag, number), 12, "Hit", "Hit", "US", null, null)) + "\n");

    /// <summary>Puts lines <paramref name="from"/>..<paramref name="to"/> (inclusive), spread by partition key or aimed at one hash key.</summary>
    public static async Task PutAsync(KinesisClient client, string stream, string tag, int from, int to, string? explicitHashKey = null)
    {
        var entries = Enumerable.Range(from, to - from + 1)
            .Select(n => new PutRecordsEntry($"{tag}-{n}", Line(tag, n), explicitHashKey))
            .ToList();
        foreach (var chunk in entries.Chunk(KinesisClient.MaxPutRecordsEntries))
        {
            IReadOnlyList<PutRecordsEntry> pending = chunk;
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                Assert.True(attempt < 20, "Kinesis kept refusing records");
                pending = (await client.PutRecordsAsync(stream, pending)).FailedEntries(pending);
            }
        }
    }

    /// <summary>How often each path arrived in the given batches (Aggregation's view: one copy per batch id).</summary>
    public static Dictionary<string, int> CountPaths(IEnumerable<LogBatchReceived> batches) =>
        batches.SelectMany(b => b.Requests).GroupBy(r => r.UriStem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
