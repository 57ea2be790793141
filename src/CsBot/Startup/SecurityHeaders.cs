namespace CsBot.Host.Startup;

/// <summary>
/// Headers every response carries, JSON as much as the playground page: no content sniffing, no referrer, never
/// framed, and data never kept by a browser or proxy cache. A response that set its own (the playground's page
/// files) keeps it. Kestrel's Server header is switched off where Kestrel is configured, so the server is not named.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For responses that are data, not a page: nothing may load from them, and nothing may frame them.</summary>
    public const string DataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            if (!headers.ContainsKey("X-Content-Type-Options")) headers.XContentTypeOptions = "nosniff";
            if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("X-Frame-Options")) headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = DataContentSecurityPolicy;
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next();
    });
}
