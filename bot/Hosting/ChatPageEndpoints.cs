using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VpWijzer.Chat;

namespace VpWijzer.Hosting;

/// <summary>
/// <c>GET /chat</c>: the anonymous intranet chat page with Web Chat's bundle, all served from this
/// origin. Strict CSP: scripts only from here, styles from here plus Web Chat's nonce'd style tags,
/// no request to any other origin; framing only by the configured intranet origins.
/// </summary>
public static class ChatPageEndpoints
{
    public const string Path = "/chat";

    /// <summary>Folder in the app's output with the page's static files (Web Chat's bundle is copied there at build).</summary>
    public const string AssetFolder = "chatweb";

    /// <summary>Web Chat creates one empty style element without its nonce and fills it through the CSSOM; this is the hash of "".</summary>
    private const string EmptyStyleHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["chat.js"] = "text/javascript; charset=utf-8",
        ["chat.css"] = "text/css; charset=utf-8",
        ["webchat.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Page).RequireRateLimiting(DirectLineEndpoints.PerIpPolicy);
        endpoints.MapGet(Path + "/theme.css", Theme).RequireRateLimiting(DirectLineEndpoints.PerIpPolicy);
        endpoints.MapGet(Path + "/assets/{file}", Asset).RequireRateLimiting(DirectLineEndpoints.PerIpPolicy);
        return endpoints;
    }

    private static IResult Page(HttpContext http, IOptions<ChatOptions> options)
    {
        var o = options.Value;
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        SetPageHeaders(http, o, nonce);
        var title = WebUtility.HtmlEncode(o.Title);
        var unavailable = WebUtility.HtmlEncode(DirectLineEndpoints.FullMessage);
        var html = $$"""
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="vpw-style-nonce" content="{{nonce}}">
            <title>{{title}}</title>
            <link rel="stylesheet" href="/chat/assets/chat.css">
            <link rel="stylesheet" href="/chat/theme.css">
            </head>
            <body>
            <div class="chat">
              <header class="chat-header">
                <h1>{{title}}</h1>
                <p class="chat-anonymous" lang="nl">Anoniem: je hoeft niet in te loggen en we bewaren niets van wat je typt.</p>
                <p class="chat-anonymous" lang="en">Anonymous: you don't need to sign in and we keep nothing of what you type.</p>
              </header>
              <main id="webchat" class="chat-body" aria-label="Chat"></main>
              <p id="chat-counter" class="chat-counter" aria-live="polite" hidden></p>
              <noscript><p class="chat-notice">Deze chat heeft JavaScript nodig. / This chat needs JavaScript.</p></noscript>
              <p id="chat-error" class="chat-notice" role="alert" hidden>{{unavailable}}</p>
              <footer class="chat-footer">
                <span lang="nl">In acuut gevaar? Bel <a href="tel:112">112</a>. Denk je aan zelfdoding? Bel <a href="tel:113">113</a> of <a href="tel:08000113">0800-0113</a>.</span>
                <span lang="en">In acute danger? Call <a href="tel:112">112</a>. Thinking about suicide? Call <a href="tel:113">113</a> or <a href="tel:08000113">0800-0113</a>.</span>
              </footer>
            </div>
            <script src="/chat/assets/webchat.js"></script>
            <script src="/chat/assets/chat.js"></script>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Theme(IOptions<ChatOptions> options)
    {
        // Colours are validated as #RRGGBB at startup, so they are safe to write into CSS.
        var o = options.Value;
        var css = $":root {{ --chat-primary: {o.PrimaryColor}; --chat-background: {o.BackgroundColor}; }}\n";
        return Results.Text(css, "text/css; charset=utf-8");
    }

    private static IResult Asset(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var contentType))
        {
            return Results.NotFound();
        }

        var path = System.IO.Path.Combine(AppContext.BaseDirectory, AssetFolder, file);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.File(path, contentType);
    }

    private static void SetPageHeaders(HttpContext http, ChatOptions options, string nonce)
    {
        var headers = http.Response.Headers;
        var ancestors = options.AllowedOrigins.Length == 0 ? "'none'" : string.Join(' ', options.AllowedOrigins);
        headers.ContentSecurityPolicy =
            "default-src 'none'; " +
            "script-src 'self'; " +
            $"style-src 'self' 'nonce-{nonce}' '{EmptyStyleHash}'; " +
            "img-src 'self' data: blob:; " +
            "font-src 'self'; " +
            "connect-src 'self'; " +
            "base-uri 'none'; form-action 'none'; object-src 'none'; " +
            $"frame-ancestors {ancestors}";
        if (options.AllowedOrigins.Length > 0)
        {
            // X-Frame-Options cannot name several origins; frame-ancestors above takes its place.
            headers.Remove("X-Frame-Options");
        }

        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}
