using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CdnPulse.CdnLogs;
using CdnPulse.Contracts;

namespace CdnPulse.Ingest.LambdaEdge;

/// <summary>
/// Turns a Lambda@Edge body (<c>{"records":[…]}</c> or a bare array) into requests, rejects and a deterministic batch
/// id: <c>lambda-edge:</c> + a hash of the records' request ids (a record without one contributes its JSON text), so
/// a sender's retry of the same records is dropped downstream.
/// </summary>
public static class LambdaEdgeBatch
{
    public const string Source = "lambda-edge";

    /// <summary>False when the body holds no record array.</summary>
    public static bool TryRead(JsonElement root, List<CdnRequest> accepted, RejectCounter rejects, out string batchId)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(rejects);
        batchId = "";
        var records = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("records", out var inner) && inner.ValueKind == JsonValueKind.Array ? inner
            : default;
        if (records.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var position = 0;
        foreach (var record in records.EnumerateArray())
        {
            position++;
            var identity = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()!
                : record.GetRawText();
            hash.AppendData(Encoding.UTF8.GetBytes(identity));
            hash.AppendData("\n"u8);
            if (LambdaEdgeRecordParser.TryParse(record, out var request, out var reason))
            {
                accepted.Add(request);
            }
            else
            {
                rejects.Add(reason, position, Encoding.UTF8.GetBytes(record.GetRawText()));
            }
        }
        batchId = $"{Source}:{Convert.ToHexStringLower(hash.GetHashAndReset())[..32]}";
        return true;
    }
}
