using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify;

/// <summary>
/// R-CON-1's OAuth install: <c>/shopify/install?shop=</c> sends the merchant to Shopify's consent page and
/// <c>/shopify/callback</c> completes it. Both are browser redirects that need a signed-in user (the web app's
/// cookie), so nobody else can attach a store to this ShopFloor; the callback is trusted only through its HMAC,
/// its state (signed, expiring, naming the shop) and the shop's domain.
/// </summary>
public static class ShopifyInstallApi
{
    public static void MapShopifyInstall(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/shopify").WithTags("Shopify").RequireAuthorization();
        group.MapGet("/install", (string? shop, HttpContext http, StoreConnections connections) =>
            Results.Redirect(connections.InstallUrl(shop, CallbackUrl(http)).ToString()));
        group.MapGet("/callback", async (HttpContext http, StoreConnections connections, StoreConfiguration configuration, CancellationToken ct) =>
        {
            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            var store = await connections.CompleteInstallAsync(query, ct);
            // A merchant's browser goes on to the store's configuration page; a script gets the store.
            if (http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
                return Results.Redirect($"/settings/integrations/shopify/{store.Id}");
            return Results.Ok(StoreResponse.From(store, await configuration.StateAsync(store, ct)));
        });
    }

    private static Uri CallbackUrl(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}/shopify/callback");
}
