namespace VpWijzer.Hosting;

public static class SecurityHeaders
{
    /// <summary>HSTS for a year outside Development (security review L3). TLS ends at App Service's front end, so
    /// Kestrel sees plain http and ASP.NET's UseHsts would never send it; browsers ignore the header over http.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseBotSecurityHeaders(this IApplicationBuilder app)
    {
        var hsts = !app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            if (hsts)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            await next(context).ConfigureAwait(false);
        });
    }
}
