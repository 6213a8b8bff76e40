namespace VpWijzer.Hosting;

public static class SecurityHeaders
{
    /// <summary>Headers for every response; HTML pages add their own Content-Security-Policy.</summary>
    public static IApplicationBuilder UseBotSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            await next(context).ConfigureAwait(false);
        });
}
