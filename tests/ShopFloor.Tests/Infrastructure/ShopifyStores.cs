using System.Text.Json;
using ShopFloor.ShopifyEmulator;
using ShopFloor.ShopifyEmulator.Store;
using EmulatedShop = ShopFloor.ShopifyEmulator.Store.Shop;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>Emulated stores set up as a merchant would have them, and ShopFloor's view of them through the API.</summary>
public sealed class ShopifyStores(IShopFloorHost app, ApiClient api)
{
    public EmulatorServer Emulator => app.Emulator;

    /// <summary>A new store of its own, with the app installed (its token), so tests never share one.</summary>
    public (EmulatedShop Shop, string Token) NewStore() => Emulator.AddShop($"shop-{Shop.Unique()}.myshopify.com");

    public Task<ShopLocation> AddLocationAsync(EmulatedShop shop, string name) =>
        Emulator.InShopAsync(shop, s => s.AddLocation(name, DateTime.UtcNow));

    public Task<ShopProduct> AddProductAsync(EmulatedShop shop, string title, params (string? Sku, bool Tracked)[] variants) =>
        Emulator.InShopAsync(shop, s =>
        {
            var product = new ShopProduct { Id = s.NextId(), Title = title, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            s.Products.Add(product);
            foreach (var (sku, tracked) in variants)
                s.AddVariant(product, sku, 12.5m, sku ?? "No SKU", DateTime.UtcNow).InventoryItem.Tracked = tracked;
            return product;
        });

    public Task SetAvailableAsync(EmulatedShop shop, string sku, ShopLocation location, int available) =>
        Emulator.InShopAsync(shop, s =>
        {
            foreach (var variant in s.Variants.Where(v => v.Sku == sku))
                s.Level(variant.InventoryItem.Id, location.Id)!.Available = available;
            return true;
        });

    public async Task<JsonElement> ConnectAsync(EmulatedShop shop, string token) =>
        await api.PostAsync("/v1/shopify/stores", new { shop_domain = shop.Domain, access_token = token });

    public async Task<string> StateAsync(long storeId) => (await api.GetAsync($"/v1/shopify/stores/{storeId}")).GetProperty("state").GetString()!;

    public Task<JsonElement> MapAsync(long storeId, params (ShopLocation Shopify, long Location)[] mappings) =>
        api.SendAsync(HttpMethod.Put, $"/v1/shopify/stores/{storeId}/location_mappings",
            mappings.Select(m => new { shopify_location_id = Gid(m.Shopify), location_id = m.Location }).ToArray())
            .ContinueWith(t => JsonDocument.Parse(t.Result.Content.ReadAsStringAsync().Result).RootElement.Clone());

    /// <summary>Starts an import and waits until it has finished, one way or the other.</summary>
    public async Task<JsonElement> ImportAsync(long storeId, string type)
    {
        var started = await api.PostAsync($"/v1/shopify/stores/{storeId}/imports", new { type });
        var id = started.GetProperty("id").GetInt64();
        var job = started;
        for (var i = 0; i < 300; i++)
        {
            job = await api.GetAsync($"/v1/shopify/stores/{storeId}/imports/{id}");
            if (job.GetProperty("status").GetString() is "SUCCEEDED" or "FAILED")
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import {id} did not finish in 30 s: {job}");
    }

    public static string Gid(ShopLocation location) => $"gid://shopify/Location/{location.Id}";
}
