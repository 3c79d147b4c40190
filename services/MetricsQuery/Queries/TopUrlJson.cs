using System.Text.Json.Nodes;
using CdnPulse.Metrics;

namespace CdnPulse.MetricsQuery.Queries;

/// <summary>
/// The reference's top-URL shape (§4.6): one point without Time whose Value lists <c>{"Path", "Count"}</c>
/// (topNUrlRequests) or <c>{"Path", "Size"}</c> (topNUrlSize) with JSON integers, largest first.
/// </summary>
internal static class TopUrlJson
{
    /// <summary>How many URLs the list holds, as in the reference.</summary>
    public const int Count = 10;

    public static JsonArray DetailData(IReadOnlyList<TopUrl> top, UrlRanking ranking)
    {
        if (top.Count == 0)
        {
            return [];
        }
        var name = ranking == UrlRanking.Requests ? "Count" : "Size";
        var list = new JsonArray(top.Select(u => (JsonNode)new JsonObject { ["Path"] = u.Path, [name] = u.Value }).ToArray());
        return [new JsonObject { ["Value"] = list }];
    }
}
