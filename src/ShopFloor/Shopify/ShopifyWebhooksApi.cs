using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify;

/// <summary>
/// POST /webhooks/shopify: the signature is checked over the raw body in constant time (401 and nothing done when
/// it fails). For now it acts on app/uninstalled (the store is disconnected); the inbox that records and processes
/// every topic comes with the live sync.
/// </summary>
public static class ShopifyWebhooksApi
{
    public static void MapShopifyWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/shopify", async (HttpContext http, IOptions<ShopifyOptions> options, StoreConnections connections, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            var secret = options.Value.ApiSecret;
            var given = http.Request.Headers["X-Shopify-Hmac-Sha256"].ToString();
            if (string.IsNullOrEmpty(secret) || !IsSigned(secret, buffer.ToArray(), given))
                return Results.Problem(statusCode: 401, title: "The webhook's signature is not valid.");
            if (http.Request.Headers["X-Shopify-Topic"] == "app/uninstalled")
                await connections.UninstalledAsync(http.Request.Headers["X-Shopify-Shop-Domain"].ToString(), ct);
            return Results.Ok();
        }).WithTags("Shopify").ExcludeFromDescription();

    public static bool IsSigned(string secret, byte[] body, string given)
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
