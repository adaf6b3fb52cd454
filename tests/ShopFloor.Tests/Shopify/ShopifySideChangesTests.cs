using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Shopify;
using ShopFloor.Shopify.Mapping;
using ShopFloor.Tests.Infrastructure;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>
/// #12: what a merchant changes in Shopify itself — locations, SKUs, products, and ShopFloor's own webhook
/// subscriptions — reaches ShopFloor through the webhooks and the periodic check, read back through GraphQL.
/// </summary>
public abstract class ShopifySideChangesTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());
    private ApiClient Api => _shop.Api;
    private EmulatedShopAccess Emulator => _stores.Emulator;

    private async Task<string> StateAsync(SyncedStore store) => (await Api.GetAsync($"/v1/shopify/stores/{store.StoreId}")).GetProperty("state").GetString()!;

    [Fact] // R-CON-3, R-CFG-2: a location added in Shopify makes the store Disabled until it is mapped; then sync can be activated again
    public async Task A_location_added_in_shopify_pauses_sync_until_it_is_mapped()
    {
        var store = await _stores.ActiveAsync(null, "LAMP-" + Shop.Unique());
        var added = (await Emulator.AdminAsync(store, """
            mutation($name: String!) { locationAdd(input: {name: $name, address: {countryCode: US}}) { location { id } userErrors { message } } }
            """, new { name = "Pop-up" })).GetProperty("locationAdd").GetProperty("location").GetProperty("id").GetString()!;

        await Eventually.TrueAsync(async () => await StateAsync(store) == "DISABLED", "the store is Disabled", seconds: 20, () => _stores.DiagnoseAsync(store));
        Assert.Contains(await _stores.SyncLogAsync(store.StoreId, "&subject=location"), e =>
            e.GetProperty("outcome").GetString() == "NEEDS_ACTION" && e.GetProperty("message").GetString()!.Contains("Pop-up was added"));
        var refused = await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{store.StoreId}/activate", new { });
        Assert.False(refused.IsSuccessStatusCode);

        var popUp = await _shop.LocationAsync();
        var locations = (await Api.GetAsync($"/v1/shopify/stores/{store.StoreId}/locations")).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(locations, l => l.GetProperty("shopify_location_id").GetString() == added);
        var mapped = await Api.SendAsync(HttpMethod.Put, $"/v1/shopify/stores/{store.StoreId}/location_mappings", locations.Select(l => new
        {
            shopify_location_id = l.GetProperty("shopify_location_id").GetString(),
            location_id = l.GetProperty("shopify_location_id").GetString() == added ? popUp : store.Warehouse,
        }).ToArray());
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Equal("SYNC_ACTIVE", (await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/activate", new { })).GetProperty("state").GetString());
    }

    [Fact] // R-CFG-2: a location deactivated in Shopify no longer counts, and one deleted there no longer blocks anything
    public async Task A_location_deactivated_in_shopify_is_no_longer_synced()
    {
        var store = await _stores.ActiveAsync(null, "FERN-" + Shop.Unique());
        var spare = await app.Emulator.InShopAsync(store.Shop, s => app.Emulator.LocationChanges.Add(s, "Spare", true, _stores.Emulator.Now));
        await Eventually.TrueAsync(async () => await StateAsync(store) == "DISABLED", "the unmapped new location disables the store");

        await Emulator.AdminAsync(store, """
            mutation($id: ID!, $key: String!) { locationDeactivate(locationId: $id) @idempotent(key: $key) { locationDeactivateUserErrors { message } } }
            """, new { id = $"gid://shopify/Location/{spare.Id}", key = Guid.NewGuid().ToString() });
        // Sync is paused, so no webhook tells ShopFloor: the merchant presses Refresh locations.
        var locations = (await Api.GetAsync($"/v1/shopify/stores/{store.StoreId}/locations?refresh=true")).GetProperty("data").EnumerateArray();
        Assert.False(locations.Single(l => l.GetProperty("shopify_location_id").GetString() == $"gid://shopify/Location/{spare.Id}").GetProperty("is_active").GetBoolean());
        Assert.Equal("SYNC_INACTIVE", await StateAsync(store));
        Assert.Equal("SYNC_ACTIVE", (await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/activate", new { })).GetProperty("state").GetString());
    }

    [Fact] // R-IMP-2: a SKU edited in Shopify moves the variant's mapping to the ShopFloor variant of the new SKU, and its Available follows
    public async Task A_sku_edited_in_shopify_moves_the_mapping_and_the_stock_follows()
    {
        var (oldSku, newSku) = ("MUG-" + Shop.Unique(), "MUGB-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, oldSku);
        var other = await _shop.ProductAsync(newSku);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[oldSku], 5);
        await _shop.AdjustAsync(store.Warehouse, other, 9);
        await _stores.ShopifyMatchesAsync(store, oldSku, 5);

        var variant = store.Variant(oldSku);
        await Emulator.AdminAsync(store, """
            mutation($product: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $product, variants: $variants) { userErrors { message } }
            }
            """, new { product = $"gid://shopify/Product/{variant.Product.Id}", variants = new[] { new { id = $"gid://shopify/ProductVariant/{variant.Id}", inventoryItem = new { sku = newSku } } } });

        await Eventually.TrueAsync(async () => await app.Emulator.InShopAsync(store.Shop, s => s.Level(variant.InventoryItem.Id, store.Online.Id)!.Available) == 9,
            "Shopify shows the stock of the ShopFloor variant the SKU now names", seconds: 20, () => _stores.DiagnoseAsync(store));
        var mapping = await app.WithDbAsync(db => db.LinksOf(ShopifyChannel.Store(store.StoreId)).SingleAsync(m => m.StoreItemId == $"gid://shopify/ProductVariant/{variant.Id}"));
        Assert.Equal((newSku, other), (mapping.Sku, mapping.VariantId));
    }

    [Fact] // R-IMP-2: a product deleted in Shopify loses its SKU mapping
    public async Task A_product_deleted_in_shopify_loses_its_mapping()
    {
        var sku = "BOWL-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, sku);
        var product = store.Variant(sku).Product.Id;
        await Emulator.AdminAsync(store, "mutation($id: ID!) { productDelete(input: {id: $id}) { deletedProductId userErrors { message } } }",
            new { id = $"gid://shopify/Product/{product}" });

        await Eventually.TrueAsync(() => app.WithDbAsync(async db => !await db.LinksOf(ShopifyChannel.Store(store.StoreId)).AnyAsync(m => m.Sku == sku)),
            "the mapping is removed", seconds: 20, () => _stores.DiagnoseAsync(store));
    }

    [Fact] // R-SYNC-6: a webhook subscription removed in Shopify is made again by the next catch-up
    public async Task A_missing_webhook_subscription_is_made_again_by_the_catch_up()
    {
        var store = await _stores.ActiveAsync(null, "VASE-" + Shop.Unique());
        var removed = await app.Emulator.InShopAsync(store.Shop, s => s.Webhooks.RemoveAll(w => w.Topic == "ORDERS_CREATE"));
        Assert.Equal(1, removed);

        var job = await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/imports", new { type = "orders" });
        await _stores.JobsDoneAsync(store.StoreId);
        Assert.True(await app.Emulator.InShopAsync(store.Shop, s => s.Webhooks.Any(w => w.Topic == "ORDERS_CREATE")));
        Assert.Contains(await _stores.SyncLogAsync(store.StoreId, "&subject=webhooks"), e => e.GetProperty("message").GetString()!.Contains("ORDERS_CREATE"));
        Assert.Equal(JsonValueKind.Object, job.ValueKind);
    }
}

public sealed class ShopifySideChangesOnSqlite(SqliteApp app) : ShopifySideChangesTests(app), IClassFixture<SqliteApp>;

public sealed class ShopifySideChangesOnPostgres(PostgresApp app) : ShopifySideChangesTests(app), IClassFixture<PostgresApp>;
