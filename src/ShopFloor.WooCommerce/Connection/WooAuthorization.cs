using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Common;

namespace ShopFloor.WooCommerce.Connection;

/// <summary>The JSON WooCommerce posts to the callback_url once the store's owner approves ShopFloor.</summary>
public sealed record WooGrantedKeys(long KeyId, string? UserId, string? ConsumerKey, string? ConsumerSecret, string? KeyPermissions);

/// <summary>
/// Connecting through WooCommerce's application authentication endpoint (/wc-auth/v1/authorize) instead of pasted
/// keys: the store's owner approves ShopFloor in the store, which posts new keys to ShopFloor's callback. That post
/// is not signed, so the request's user_id is ShopFloor's own sealed, expiring note of which store (and location) it
/// asked — keys posted with anything else are refused — and the keys are tried against that store before use.
/// </summary>
public sealed class WooAuthorization(IDataProtectionProvider protection, WooStores stores, AppAddress address)
{
    public const string CallbackPath = "/woocommerce/auth/callback";
    public const string ReturnPath = "/woocommerce/auth/return";
    private static readonly TimeSpan Valid = TimeSpan.FromMinutes(30);
    private readonly ITimeLimitedDataProtector _requests = protection.CreateProtector("ShopFloor.WooCommerce.AuthRequests").ToTimeLimitedDataProtector();

    private sealed record Request(string Url, long? LocationId, string Nonce);

    /// <summary>Where to send the owner: the store's page approving ShopFloor's read/write access.</summary>
    public Uri AuthorizeUrl(string? storeUrl, long? locationId)
    {
        var url = WooStores.SiteUrl(storeUrl);
        var token = _requests.Protect(JsonSerializer.Serialize(new Request(url, locationId, Convert.ToHexString(RandomNumberGenerator.GetBytes(8)))), Valid);
        var query = string.Join('&', new Dictionary<string, string>
        {
            ["app_name"] = "ShopFloor", ["scope"] = "read_write", ["user_id"] = token,
            ["return_url"] = address.Of(ReturnPath).ToString(), ["callback_url"] = address.Of(CallbackPath).ToString(),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{url}/wc-auth/v1/authorize?{query}");
    }

    /// <summary>The keys the store posted: connected to the store ShopFloor asked, if they work there.</summary>
    public async Task<WooConnection> AcceptAsync(WooGrantedKeys keys, CancellationToken ct)
    {
        var request = RequestOf(keys.UserId) ?? throw new ValidationFailedException("user_id", "is not a request ShopFloor made, or it has expired");
        if (keys.KeyPermissions != "read_write")
            throw new ValidationFailedException("key_permissions", "ShopFloor needs read_write access");
        return await stores.ConnectAsync(new ConnectWooStore(request.Url, keys.ConsumerKey, keys.ConsumerSecret, request.LocationId), ct);
    }

    /// <summary>The store a request named (for the owner coming back), or null when it is not one of ShopFloor's.</summary>
    public string? StoreUrlOf(string? userId) => RequestOf(userId)?.Url;

    private Request? RequestOf(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
            return null;
        try
        {
            return JsonSerializer.Deserialize<Request>(_requests.Unprotect(userId));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
