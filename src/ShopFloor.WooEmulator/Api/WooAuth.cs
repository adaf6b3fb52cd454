using System.Security.Cryptography;
using System.Text;
using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator.Api;

/// <summary>
/// The store's REST API keys: HTTP Basic with the consumer key as user and the secret as password, or the two as
/// <c>consumer_key</c> / <c>consumer_secret</c> query parameters (WooCommerce accepts both over HTTPS).
/// </summary>
public sealed class WooAuth : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var registry = http.RequestServices.GetRequiredService<StoreRegistry>();
        if (registry.Find((string)http.GetRouteValue("store")!) is not { } store)
            return WooErrors.Of(404, "rest_no_route", "No route was found matching the URL and request method.");
        var (key, secret) = Credentials(http.Request);
        if (key is null)
            return WooErrors.Of(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var expected = Same(key, store.ConsumerKey) ? store.ConsumerSecret : store.GrantedSecret(key);
        if (expected is null || !Same(secret ?? "", expected))
            return WooErrors.Of(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
        http.Items[nameof(WooStore)] = store;
        return await next(context);
    }

    public static WooStore StoreOf(HttpContext http) => (WooStore)http.Items[nameof(WooStore)]!;

    private static (string? Key, string? Secret) Credentials(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? (pair, null) : (pair[..colon], pair[(colon + 1)..]);
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (request.Query["consumer_key"].FirstOrDefault(), request.Query["consumer_secret"].FirstOrDefault());
    }

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
