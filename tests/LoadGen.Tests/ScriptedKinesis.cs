using System.Net;
using System.Text;
using System.Text.Json;

namespace CdnPulse.LoadGen.Tests;

/// <summary>
/// Stands in for the Kinesis transport under the real client and signer: answers each PutRecords call with the next
/// scripted reply and records what was sent, to provoke the partial failures and throttling kinesalite never produces.
/// </summary>
internal sealed class ScriptedKinesis(params Func<JsonElement, (HttpStatusCode Status, string Body)>[] replies) : HttpMessageHandler
{
    private int _calls;

    /// <summary>The partition keys of each call's entries, in call order.</summary>
    public List<List<string>> Calls { get; } = [];

    public static (HttpStatusCode, string) FailEntries(JsonElement request, params int[] failing)
    {
        var records = request.GetProperty("Records").EnumerateArray().Select((_, i) => failing.Contains(i)
            ? (object)new { ErrorCode = "ProvisionedThroughputExceededException", ErrorMessage = "Rate exceeded for shard" }
            : new { SequenceNumber = $"{i}", ShardId = "shardId-000000000000" });
        return (HttpStatusCode.OK, JsonSerializer.Serialize(new { FailedRecordCount = failing.Length, Records = records }));
    }

    public static (HttpStatusCode, string) Succeed(JsonElement request) => FailEntries(request);

    public static (HttpStatusCode, string) Error(string type) =>
        (HttpStatusCode.BadRequest, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = "scripted" }));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        Calls.Add([.. body.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("PartitionKey").GetString()!)]);
        var (status, reply) = replies[Math.Min(_calls++, replies.Length - 1)](body.RootElement);
        return new HttpResponseMessage(status) { Content = new StringContent(reply, Encoding.UTF8, "application/x-amz-json-1.1") };
    }
}
