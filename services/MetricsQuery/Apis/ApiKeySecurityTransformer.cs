using CdnPulse.ServiceDefaults.ApiKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>Describes the x-api-key header in the OpenAPI document, so the API page can send it with "Try it out".</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CdnPulse metrics API";
        document.Info.Description =
            "The reference-compatible GET /metric and the native API v1. Every call needs an x-api-key with the right scope "
            + "(read-metrics, admin for /api/v1/keys); calls are rate limited per key (429 with Retry-After). See docs/api.md.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "An API key: a bootstrap key (Auth__ApiKeys__N) or one made with cdnpulse-admin keys create.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
