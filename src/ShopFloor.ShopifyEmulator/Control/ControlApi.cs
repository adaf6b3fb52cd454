using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.Control;

public sealed record ShopRequest(string Domain);

public sealed record FaultsRequest(
    double? TooManyRequestsShare, double? ServerErrorShare, double? TimeoutShare, double? WebhookFailShare,
    bool? DuplicateWebhooks, bool? HoldWebhooks, int? WebhookDelayMs);

public sealed record ConsentRequest(bool Granted);

public sealed record PlanRequest(int BucketSize, int RestoreRate);

/// <summary>
/// /_emulator: what has no Admin API mutation — stores, switches, faults, reading any state back. Not part of
/// Shopify; scripts written for a real development store never need it.
/// </summary>
public static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator").ExcludeFromDescription();
        control.MapGet("", (ShopRegistry shops) => new
        {
            api_key = shops.ApiKey,
            api_secret = shops.ApiSecret,
            api_version = ApiVersions.Latest,
            shops = shops.All.Select(s => new { domain = s.Domain, access_tokens = s.AccessTokens }),
        });
        control.MapPost("/shops", (ShopRequest request, ShopRegistry shops) =>
        {
            var shop = shops.Add(request.Domain);
            var token = "shpat_" + ShopRegistry.Secret(16);
            shop.AccessTokens.Add(token);
            return Results.Ok(new { domain = shop.Domain, access_token = token });
        });
        control.MapGet("/shops/{domain}", async (string domain, ShopRegistry shops) =>
            shops.Find(domain) is { } shop ? Results.Ok(await StateAsync(shop)) : Results.NotFound());
        control.MapPut("/shops/{domain}/faults", (string domain, FaultsRequest request, ShopRegistry shops) =>
        {
            if (shops.Find(domain) is not { } shop)
                return Results.NotFound();
            var f = shop.Faults;
            f.TooManyRequestsShare = request.TooManyRequestsShare ?? f.TooManyRequestsShare;
            f.ServerErrorShare = request.ServerErrorShare ?? f.ServerErrorShare;
            f.TimeoutShare = request.TimeoutShare ?? f.TimeoutShare;
            f.WebhookFailShare = request.WebhookFailShare ?? f.WebhookFailShare;
            f.DuplicateWebhooks = request.DuplicateWebhooks ?? f.DuplicateWebhooks;
            f.HoldWebhooks = request.HoldWebhooks ?? f.HoldWebhooks;
            f.WebhookDelay = request.WebhookDelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : f.WebhookDelay;
            return Results.Ok(f);
        });
        control.MapPut("/shops/{domain}/consent", (string domain, ConsentRequest request, ShopRegistry shops) =>
        {
            if (shops.Find(domain) is not { } shop)
                return Results.NotFound();
            shop.ConsentGranted = request.Granted;
            return Results.NoContent();
        });
        control.MapPut("/shops/{domain}/plan", (string domain, PlanRequest request, ShopRegistry shops, RateLimits.Buckets buckets) =>
        {
            if (shops.Find(domain) is not { } shop)
                return Results.NotFound();
            var bucket = buckets.For(shop);
            (bucket.Size, bucket.RestoreRate) = (request.BucketSize, request.RestoreRate);
            return Results.NoContent();
        });
        control.MapGet("/shops/{domain}/points", (string domain, ShopRegistry shops, RateLimits.Buckets buckets) =>
            shops.Find(domain) is { } shop
                ? Results.Ok(buckets.For(shop).ByOperation.OrderByDescending(o => o.Value.Points)
                    .Select(o => new { operation = o.Key, calls = o.Value.Calls, points = o.Value.Points }))
                : Results.NotFound());
        control.MapPost("/shops/{domain}/webhooks/release", (string domain, ShopRegistry shops, WebhookDispatcher webhooks) =>
            shops.Find(domain) is { } shop ? Results.Ok(new { released = webhooks.Release(shop) }) : Results.NotFound());
        control.MapPost("/shops/{domain}/uninstall", (string domain, ShopRegistry shops, WebhookDispatcher webhooks) =>
        {
            if (shops.Find(domain) is not { } shop)
                return Results.NotFound();
            webhooks.Publish(shop, "app/uninstalled", new { id = Math.Abs(shop.Domain.GetHashCode()), name = shop.Name, domain = shop.Domain, myshopify_domain = shop.Domain });
            shop.AccessTokens.Clear(); // after app/uninstalled the token is already revoked
            return Results.NoContent();
        });
        control.MapGet("/webhooks/log", (WebhookDispatcher webhooks) => webhooks.Log.ToList());
    }

    private static async Task<object> StateAsync(Shop shop)
    {
        await shop.Gate.WaitAsync();
        try
        {
            return new
            {
                domain = shop.Domain,
                locations = shop.Locations.Select(l => new { id = Gid.Of("Location", l.Id), l.Name, is_active = l.IsActive }).ToList(),
                products = shop.Products.Select(p => new
                {
                    id = Gid.Of("Product", p.Id),
                    p.Title,
                    variants = p.Variants.Select(v => new
                    {
                        id = Gid.Of("ProductVariant", v.Id),
                        v.Sku,
                        inventory_item_id = Gid.Of("InventoryItem", v.InventoryItem.Id),
                        levels = shop.InventoryLevels.Where(l => l.Item == v.InventoryItem)
                            .Select(l => new { location_id = Gid.Of("Location", l.Location.Id), available = l.Available, on_hand = l.OnHand }).ToList(),
                    }).ToList(),
                }).ToList(),
                webhooks = shop.Webhooks.Select(w => new { id = Gid.Of("WebhookSubscription", w.Id), w.Topic, uri = w.CallbackUrl }).ToList(),
                faults = shop.Faults,
            };
        }
        finally
        {
            shop.Gate.Release();
        }
    }
}
