using System.Text.Json.Serialization;
using CdnPulse.Kinesis.Model;

namespace CdnPulse.Kinesis.Wire;

/// <summary>
/// Source-generated serialization for every body the client sends or reads. Names already match the API's PascalCase;
/// matching is case-insensitive because some fields differ only in casing (StreamARN, message/Message).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(CreateStreamRequest))]
[JsonSerializable(typeof(StreamNameRequest))]
[JsonSerializable(typeof(DescribeStreamSummaryResponse))]
[JsonSerializable(typeof(ListShardsRequest))]
[JsonSerializable(typeof(ListShardsResponse))]
[JsonSerializable(typeof(GetShardIteratorRequest))]
[JsonSerializable(typeof(GetShardIteratorResponse))]
[JsonSerializable(typeof(GetRecordsRequest))]
[JsonSerializable(typeof(GetRecordsResult))]
[JsonSerializable(typeof(PutRecordRequest))]
[JsonSerializable(typeof(PutRecordResult))]
[JsonSerializable(typeof(PutRecordsRequest))]
[JsonSerializable(typeof(PutRecordsResult))]
[JsonSerializable(typeof(SplitShardRequest))]
[JsonSerializable(typeof(MergeShardsRequest))]
[JsonSerializable(typeof(UpdateShardCountRequest))]
[JsonSerializable(typeof(UpdateShardCountResult))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class KinesisJsonContext : JsonSerializerContext;
