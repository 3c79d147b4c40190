namespace CdnPulse.MetricsQuery.Apis;

/// <summary>
/// The dashboard: <c>/dashboard</c> serves wwwroot/dashboard/index.html, its scripts and styles are static assets.
/// The page holds no data and loads without a key; it asks for one and sends it with every API call.
/// </summary>
public static class DashboardApi
{
    public const string Path = "/dashboard";

    /// <summary>Scripts and styles only from this origin, no inline code; data only from this origin's APIs.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapGet("/", () => TypedResults.Redirect(Path)).ExcludeFromDescription();
        app.MapGet(Path, (IWebHostEnvironment environment, HttpContext http) =>
        {
            var page = environment.WebRootFileProvider.GetFileInfo("dashboard/index.html");
            if (!page.Exists)
            {
                return Results.NotFound();
            }
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
