using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdnPulse.LoadGen.Totals;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(TotalsDocument))]
internal sealed partial class TotalsJsonContext : JsonSerializerContext;
