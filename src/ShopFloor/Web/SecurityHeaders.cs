namespace ShopFloor.Web;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer beyond the origin, and a Content-Security-Policy
/// that lets pages load only the app's own scripts, styles, fonts and connections (MudBlazor sets inline styles;
/// Blazor needs no inline script or eval). The API reference page loads its own bundle and keeps Scalar's needs.
/// </summary>
public static class SecurityHeaders
{
    private const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' https://*.myshopify.com; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        if (!context.Request.Path.StartsWithSegments("/reference"))
            headers.ContentSecurityPolicy = AppPolicy;
        await next();
    });
}
