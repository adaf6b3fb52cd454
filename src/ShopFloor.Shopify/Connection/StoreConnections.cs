using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Connection;

/// <summary>
/// R-CON-1..4: connecting a store by OAuth or by a custom app's token, several stores per ShopFloor, and
/// reconnecting a store with its configuration and mappings intact.
/// </summary>
public sealed class StoreConnections(
    ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, IOptions<ShopifyOptions> options,
    IDataProtectionProvider protection, IHttpClientFactory httpClients, TimeProvider clock)
{
    private static readonly TimeSpan InstallLifetime = TimeSpan.FromMinutes(15);
    private readonly ITimeLimitedDataProtector _installState = protection.CreateProtector("ShopFloor.Shopify.InstallState").ToTimeLimitedDataProtector();

    public Task<ShopifyStore> ConnectWithTokenAsync(string? shopDomain, string? accessToken, CancellationToken ct)
    {
        var domain = ValidDomain(shopDomain);
        if (string.IsNullOrWhiteSpace(accessToken))
            throw new ValidationFailedException("access_token", "is required");
        return ConnectAsync(domain, accessToken.Trim(), null, ct);
    }

    /// <summary>Where to send the merchant to approve the app; the state names the shop and expires.</summary>
    public Uri InstallUrl(string? shopDomain, Uri callback)
    {
        var domain = ValidDomain(shopDomain);
        var settings = options.Value;
        // The state names the shop and carries a nonce, so the callback can spend it once.
        var state = _installState.Protect($"{domain} {Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}", InstallLifetime);
        var query = $"client_id={Uri.EscapeDataString(Require(settings.ApiKey, "ShopFloor__Shopify__ApiKey"))}&scope={Uri.EscapeDataString(settings.Scopes)}" +
                    $"&redirect_uri={Uri.EscapeDataString(callback.ToString())}&state={Uri.EscapeDataString(state)}&shop={Uri.EscapeDataString(domain)}";
        return new Uri(settings.AdminBase(domain), $"admin/oauth/authorize?{query}");
    }

    /// <summary>The OAuth callback: HMAC (constant time), state and shop checked before the code is exchanged.</summary>
    public async Task<ShopifyStore> CompleteInstallAsync(IReadOnlyDictionary<string, string> query, CancellationToken ct)
    {
        var settings = options.Value;
        var secret = Require(settings.ApiSecret, "ShopFloor__Shopify__ApiSecret");
        if (!OAuthSignature.IsValid(secret, query))
            throw new DomainException("The callback's signature is not Shopify's (hmac mismatch).");
        var domain = ValidDomain(query.GetValueOrDefault("shop"));
        string stateShop;
        try
        {
            stateShop = _installState.Unprotect(query.GetValueOrDefault("state") ?? "");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new DomainException("The install request is unknown or expired (state mismatch); start the installation again.");
        }
        if (stateShop.Split(' ') is not [var stateDomain, var nonce] || !string.Equals(stateDomain, domain, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("The callback names another shop than the installation started for.");
        await SpendAsync(nonce, ct);
        var code = query.GetValueOrDefault("code") ?? throw new DomainException("The callback has no authorization code.");

        var http = httpClients.CreateClient(nameof(StoreConnections));
        using var response = await http.PostAsJsonAsync(new Uri(settings.AdminBase(domain), "admin/oauth/access_token"),
            new { client_id = settings.ApiKey, client_secret = secret, code }, ct);
        if (!response.IsSuccessStatusCode)
            throw new DomainException($"Shopify refused the authorization code ({(int)response.StatusCode}).");
        var grant = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var token = grant.GetProperty("access_token").GetString() ?? throw new DomainException("Shopify returned no access token.");
        var scopes = grant.TryGetProperty("scope", out var scope) ? scope.GetString() : null;
        var missing = settings.Scopes.Split(',').Except((scopes ?? "").Split(',')).ToList();
        if (scopes is not null && missing.Count > 0)
            throw new DomainException($"The app was granted too few scopes; missing {string.Join(", ", missing)}.");
        return await ConnectAsync(domain, token, scopes, ct);
    }

    public async Task<ShopifyStore> DisconnectAsync(long storeId, CancellationToken ct)
    {
        var store = await FindAsync(storeId, ct);
        store.Disconnect(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return store;
    }

    /// <summary>The app was uninstalled in Shopify: the token is already revoked, so forget it.</summary>
    /// <summary>Records the state as used; a second callback with it hits the unique key and is refused.</summary>
    private async Task SpendAsync(string nonce, CancellationToken ct)
    {
        db.Add(new UsedInstallState(nonce, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("This install request was used already; start the installation again.");
        }
    }

    /// <summary>
    /// app/uninstalled, confirmed with Shopify first: Shopify signs only the body, so a body of another topic
    /// replayed under this one would pass the HMAC. Only when the token no longer works is the store disconnected.
    /// False when the store was not disconnected (unknown, or Shopify still accepts the token).
    /// </summary>
    public async Task<bool> UninstalledAsync(string shopDomain, CancellationToken ct)
    {
        var domain = shopDomain.ToLowerInvariant();
        var store = await db.Set<ShopifyStore>().FirstOrDefaultAsync(s => s.ShopDomain == domain, ct);
        if (store is null)
            return false;
        if (store.EncryptedAccessToken is not null)
        {
            try
            {
                await shopify.SendAsync(tokens.CredentialsOf(store), Operations.Shop, null, ct);
                return false; // the token still works: the app is installed, whatever the header said
            }
            catch (ShopifyUnauthorizedException)
            {
                // Revoked, as it is once the app is uninstalled.
            }
        }
        store.Disconnect(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Reads the store's locations from Shopify; mappings of known locations stay. A location Shopify no longer
    /// lists was deleted there: it is kept, inactive, so its mapping comes back should it return.
    /// </summary>
    public async Task<List<ShopifyLocation>> RefreshLocationsAsync(ShopifyStore store, CancellationToken ct)
    {
        if (store.EncryptedAccessToken is null)
            throw new DomainException($"{store.ShopDomain} is not connected; connect it again to read its locations.");
        var known = await db.Set<ShopifyLocation>().Where(l => l.StoreId == store.Id).ToListAsync(ct);
        var listed = new HashSet<string>();
        await foreach (var (nodes, _) in shopify.ReadAsync(tokens.CredentialsOf(store), Operations.Locations, "locations", null, ct))
            foreach (var node in nodes.Select(ShopifyJson.Read<LocationNode>))
            {
                var id = node.Id;
                listed.Add(id);
                var location = known.FirstOrDefault(l => l.ShopifyLocationId == id);
                if (location is null)
                {
                    location = new ShopifyLocation(store.Id, id, "");
                    db.Add(location);
                    known.Add(location);
                }
                location.Name = node.Name ?? "";
                location.IsActive = node.IsActive;
            }
        foreach (var deleted in known.Where(l => !listed.Contains(l.ShopifyLocationId)))
            deleted.IsActive = false;
        await db.SaveChangesAsync(ct);
        return known;
    }

    public async Task<ShopifyStore> FindAsync(long storeId, CancellationToken ct) =>
        await db.Set<ShopifyStore>().FirstOrDefaultAsync(s => s.Id == storeId, ct) ?? throw new NotFoundException("Shopify store", storeId);

    private async Task<ShopifyStore> ConnectAsync(string domain, string token, string? scopes, CancellationToken ct)
    {
        ShopNode shop;
        try
        {
            shop = ShopifyJson.Read<ShopNode>((await shopify.SendAsync(new ShopifyCredentials(domain, token), Operations.Shop, null, ct)).GetProperty("shop"));
        }
        catch (ShopifyUnauthorizedException)
        {
            throw new ValidationFailedException("access_token", $"{domain} refused this access token");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var store = await db.Set<ShopifyStore>().FirstOrDefaultAsync(s => s.ShopDomain == domain, ct);
        if (store is null)
        {
            store = new ShopifyStore(domain, now);
            db.Add(store);
        }
        store.Name = shop.Name;
        store.Authorize(tokens.Protect(token), scopes, now);
        await db.SaveChangesAsync(ct);
        await RefreshLocationsAsync(store, ct);
        return store;
    }

    private string ValidDomain(string? shopDomain)
    {
        // Normalised (spaces around it, upper case) before the exact check; a control character is never trimmed away.
        var domain = shopDomain?.Trim(' ').ToLowerInvariant();
        return ShopDomain.IsValid(domain, options.Value.ExtraShopDomainPattern)
            ? domain!
            : throw new ValidationFailedException("shop_domain", "must be a shop's myshopify.com domain, e.g. my-shop.myshopify.com");
    }

    private static string Require(string? value, string setting) =>
        string.IsNullOrEmpty(value) ? throw new DomainException($"The Shopify app is not configured: set {setting}.") : value;
}
