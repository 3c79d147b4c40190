using System.Text.Json.Serialization;

namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>The body of a 401/403/429: <c>message</c> (API Gateway's field name) and, for a missing scope, which one.</summary>
public sealed record ApiKeyProblem(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("requiredScope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequiredScope);
