using CdnPulse.Dashboard.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary>
/// The page (<c>/</c>, <c>/app.js</c>, <c>/app.css</c>) for a signed-in browser, and the one open form:
/// <c>GET /login</c> asks for the local API key, <c>POST /login</c> checks it and sets the session cookie.
/// </summary>
internal static class PageApi
{
    public static RouteGroupBuilder MapPageApi(this IEndpointRouteBuilder app, int port)
    {
        var page = app.MapGroup("").RequireHost($"*:{port}");
        page.MapGet("/", (HttpContext http, DashboardAuth auth, StaticAssets assets) => Asset(http, auth, assets, "index.html"));
        page.MapGet("/app.js", (HttpContext http, DashboardAuth auth, StaticAssets assets) => Asset(http, auth, assets, "app.js"));
        page.MapGet("/app.css", (HttpContext http, DashboardAuth auth, StaticAssets assets) => Asset(http, auth, assets, "app.css"));
        page.MapGet("/login", (StaticAssets assets) => Login(assets, StatusCodes.Status200OK));
        page.MapPost("/login", LoginAsync).DisableAntiforgery();
        page.MapGet("/health", () => TypedResults.Text("Healthy"));
        return page;
    }

    private static Results<FileContentHttpResult, RedirectHttpResult> Asset(HttpContext http, DashboardAuth auth, StaticAssets assets, string name) =>
        auth.IsSignedIn(http)
            ? TypedResults.File(assets.Get(name), StaticAssets.ContentType(name))
            : TypedResults.Redirect("/login");

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> LoginAsync(HttpContext http, DashboardAuth auth, StaticAssets assets)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        if (!auth.IsKey(form?["apiKey"].ToString()))
        {
            return Login(assets, StatusCodes.Status401Unauthorized, "That is not the API key this AppHost printed.");
        }
        auth.SignIn(http.Response);
        return TypedResults.Redirect("/");
    }

    private static ContentHttpResult Login(StaticAssets assets, int status, string? error = null)
    {
        var html = System.Text.Encoding.UTF8.GetString(assets.Get("login.html"))
            .Replace("{{error}}", error is null ? "" : $"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(error)}</p>", StringComparison.Ordinal);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
