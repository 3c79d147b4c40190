using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.ServiceDefaults;

/// <summary>
/// Names and tags ASP.NET Core's request span ("GET /metric", method, route, path, status) the way the missing
/// OpenTelemetry.Instrumentation.AspNetCore package would; ASP.NET Core itself emits the span bare. The query string is
/// left out: it is not needed to find a request and could carry values nobody meant to export.
/// </summary>
internal sealed class HttpServerSpanTags : IStartupFilter
{
    private const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(static async (context, nextMiddleware) =>
        {
            var activity = Activity.Current is { OperationName: RequestActivity, IsAllDataRequested: true } current ? current : null;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                if (activity is not null)
                {
                    Tag(activity, context);
                }
            }
        });
        next(app);
    };

    private static void Tag(Activity activity, HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;
        activity.DisplayName = $"{context.Request.Method} {route ?? context.Request.Path.Value}";
        activity.SetTag("http.request.method", context.Request.Method);
        activity.SetTag("url.path", context.Request.Path.Value);
        activity.SetTag("http.route", route);
        activity.SetTag("http.response.status_code", status);
        if (status >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
