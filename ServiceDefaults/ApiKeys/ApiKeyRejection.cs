namespace CdnPulse.ServiceDefaults.ApiKeys;

/// <summary>How an endpoint refuses a request without a suitable key.</summary>
public enum ApiKeyRejection
{
    /// <summary>API Gateway's answer, as the reference's clients expect: 403 <c>{"message":"Forbidden"}</c> in every case.</summary>
    GatewayForbidden,

    /// <summary>401 <c>{"message":"Unauthorized"}</c> for a missing or unknown key; 403 naming the missing scope otherwise.</summary>
    UnauthorizedOrForbidden,
}
