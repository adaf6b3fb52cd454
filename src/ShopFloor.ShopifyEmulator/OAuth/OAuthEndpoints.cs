using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.OAuth;

/// <summary>The authorization-code grant of a public app: authorize (consent granted or refused by a switch) and token exchange.</summary>
public static class OAuthEndpoints
{
    public static void MapOAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/oauth/authorize", (HttpContext http, string? client_id, string? scope, string? redirect_uri, string? state,
            string? shop, ShopRegistry shops, TimeProvider clock) =>
        {
            var target = shops.Find(http.Request.Host.Host) ?? shops.Find(shop) ?? (shop is null ? shops.DefaultShop : null);
            if (target is null)
                return Results.NotFound(new { errors = $"Unknown shop {shop}" });
            if (client_id != shops.ApiKey || !Uri.TryCreate(redirect_uri, UriKind.Absolute, out _))
                return Results.BadRequest(new { errors = "Oauth error invalid_request: The client_id or redirect_uri is not valid" });
            if (!target.ConsentGranted)
                return Results.Redirect(QueryHelpers.AddQueryString(redirect_uri!, new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = state }));

            var code = ShopRegistry.Secret(16);
            target.PendingCodes[code] = scope ?? "";
            var parameters = new Dictionary<string, string>
            {
                ["code"] = code,
                // Shopify sends host without base64's '=' padding (the official library's validateHmac expects that).
                ["host"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin.shopify.com/store/{target.Domain.Split('.')[0]}")).TrimEnd('='),
                ["shop"] = target.Domain,
                ["state"] = state ?? "",
                ["timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            };
            parameters["hmac"] = OAuthHmac.Sign(target.ApiSecret, parameters);
            return Results.Redirect(QueryHelpers.AddQueryString(redirect_uri!, parameters!));
        }).ExcludeFromDescription();

        app.MapPost("/admin/oauth/access_token", async (HttpContext http, ShopRegistry shops) =>
        {
            var fields = http.Request.HasFormContentType
                ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => (string?)f.Value.ToString())
                : await http.Request.ReadFromJsonAsync<Dictionary<string, string?>>() ?? [];
            var code = fields.GetValueOrDefault("code");
            var shop = shops.All.FirstOrDefault(s => code is not null && s.PendingCodes.ContainsKey(code));
            if (shop is null || fields.GetValueOrDefault("client_id") != shops.ApiKey || fields.GetValueOrDefault("client_secret") != shops.ApiSecret)
                return Results.BadRequest(new { error = "invalid_request", error_description = "The authorization code was not found or was already used" });
            shop.PendingCodes.Remove(code!, out var scope);
            var token = "shpat_" + ShopRegistry.Secret(16);
            shop.AccessTokens.Add(token);
            return Results.Ok(new { access_token = token, scope });
        }).ExcludeFromDescription();
    }
}
