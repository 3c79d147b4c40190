using CdnPulse.ServiceDefaults.ApiKeys;

namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// The OpenAPI document generated from the endpoints (<c>/openapi/v1.json</c>, any valid key) and the interactive API
/// page (<c>/api/docs</c>, Swagger UI served from the package, no CDN). The page itself loads without a key; it asks
/// for one, keeps it in sessionStorage (shared with the dashboard) and sends it with every request.
/// </summary>
public static class ApiDocsApi
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api/docs";

    private const string KeyInterceptor = """
        (request) => {
          let key = sessionStorage.getItem('cdnpulse.apiKey');
          if (!key) {
            key = window.prompt('CdnPulse API key (x-api-key)');
            if (key) sessionStorage.setItem('cdnpulse.apiKey', key.trim());
          }
          if (key && !request.headers['x-api-key']) request.headers['x-api-key'] = key.trim();
          return request;
        }
        """;

    public static void AddApiDocs(this IHostApplicationBuilder builder) =>
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer<ApiKeySecurityTransformer>());

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireApiKey().RequireRateLimiting(ApiKeyRateLimiting.PolicyName);
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = PagePath.TrimStart('/');
            options.DocumentTitle = "CdnPulse API";
            options.SwaggerEndpoint(DocumentPath, "CdnPulse v1");
            options.UseRequestInterceptor(KeyInterceptor.ReplaceLineEndings(" "));
            options.EnableTryItOutByDefault();
        });
        return app;
    }
}
