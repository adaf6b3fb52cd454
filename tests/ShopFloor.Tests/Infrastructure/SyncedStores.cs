using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Sales;
using ShopFloor.ShopifyEmulator.Store;
using EmulatedShop = ShopFloor.ShopifyEmulator.Store.Shop;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>An emulated store with sync active: its products imported, its one location mapped to a warehouse.</summary>
public sealed record SyncedStore(EmulatedShop Shop, string Token, long StoreId, ShopLocation Online, long Warehouse, IReadOnlyDictionary<string, long> Variants)
{
    public ShopVariant Variant(string sku) => Shop.Variants.First(v => v.Sku == sku);
}

/// <summary>Live-sync scenarios: set a store up as a merchant would, then watch both sides.</summary>
public sealed class SyncedStores(IShopFloorHost app)
{
    private readonly ApiClient _api = app.Api();
    private readonly ShopifyStores _stores = new(app, app.Api());
    private readonly Shop _shop = new(app.Api());

    public EmulatedShopAccess Emulator => new(app);

    /// <summary>A store whose products (one tracked variant per SKU) are imported and whose sync is active.</summary>
    public Task<SyncedStore> ActiveAsync(object? settings, params string[] skus) => ActiveAsync(settings, null, skus);

    /// <summary>The same, mapped to a given warehouse (several stores selling from one location).</summary>
    public async Task<SyncedStore> ActiveAsync(object? settings, long? warehouseId, params string[] skus)
    {
        var (shop, token) = _stores.NewStore();
        var online = await _stores.AddLocationAsync(shop, "Online");
        foreach (var sku in skus)
            await _stores.AddProductAsync(shop, "Product " + sku, (sku, true));
        var id = (await _stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();
        await _stores.ImportAsync(id, "products");
        var warehouse = warehouseId ?? await _shop.LocationAsync();
        await _stores.MapAsync(id, (online, warehouse));
        if (settings is not null)
            await _api.PatchAsync($"/v1/shopify/stores/{id}/settings", settings);
        await _api.PostAsync($"/v1/shopify/stores/{id}/activate", new { });
        await JobsDoneAsync(id);
        var variants = new Dictionary<string, long>();
        foreach (var sku in skus)
            variants[sku] = (await _api.GetAsync($"/v1/variants?sku={sku}")).GetProperty("data")[0].GetProperty("id").GetInt64();
        return new SyncedStore(shop, token, id, online, warehouse, variants);
    }

    /// <summary>Waits until no import, catch-up or reconciliation of the store is queued or running.</summary>
    public async Task JobsDoneAsync(long storeId) =>
        await Eventually.TrueAsync(async () => (await _api.GetAsync($"/v1/shopify/stores/{storeId}/imports")).GetProperty("data").EnumerateArray()
            .All(j => j.GetProperty("status").GetString() is "SUCCEEDED" or "FAILED"), "the store's jobs finish");

    public Task<long?> SalesOrderOfAsync(SyncedStore store, ShopOrder order) => app.WithDbAsync(db =>
        db.Set<SalesOrder>().Where(o => o.StoreId == store.StoreId && o.ShopifyOrderId == $"gid://shopify/Order/{order.Id}")
            .Select(o => (long?)o.Id).FirstOrDefaultAsync());

    public async Task<JsonElement> AwaitSalesOrderAsync(SyncedStore store, ShopOrder order, int seconds = 20)
    {
        long? id = null;
        await Eventually.TrueAsync(async () => (id = await SalesOrderOfAsync(store, order)) is not null, $"order {order.Name} arrives as a sales order", seconds,
            () => DiagnoseAsync(store));
        return await _api.GetAsync($"/v1/sales_orders/{id}");
    }

    public async Task<JsonElement> AwaitSalesOrderAsync(long salesOrderId, Func<JsonElement, bool> condition, string what)
    {
        JsonElement order = default;
        await Eventually.TrueAsync(async () => condition(order = await _api.GetAsync($"/v1/sales_orders/{salesOrderId}")), what);
        return order;
    }

    public Task<long?> AvailableInShopifyAsync(SyncedStore store, string sku, ShopLocation? location = null) =>
        app.Emulator.InShopAsync(store.Shop, s => s.Level(store.Variant(sku).InventoryItem.Id, (location ?? store.Online).Id)?.Available);

    /// <summary>Waits until Shopify's Available of the SKU equals ShopFloor's In stock − Committed at the warehouse.</summary>
    public async Task ShopifyMatchesAsync(SyncedStore store, string sku, long expected, int seconds = 20)
    {
        var stock = await _shop.StockAsync(store.Variants[sku], store.Warehouse);
        Assert.Equal(expected, (long)stock.Available);
        await Eventually.TrueAsync(async () => await AvailableInShopifyAsync(store, sku) == expected,
            $"Shopify's Available of {sku} becomes {expected} (is {await AvailableInShopifyAsync(store, sku)})", seconds);
    }

    /// <summary>What the store's deliveries and sync log say, for a failing wait's message.</summary>
    /// <summary>
    /// Waits until ShopFloor has received and processed a webhook of this topic about the order: what a test that
    /// asserts something did not happen waits for, rather than a fixed time.
    /// </summary>
    public Task WebhookProcessedAsync(SyncedStore store, string topic, ShopOrder order, int seconds = 20)
    {
        var orderId = $"{order.Id}";
        return Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<ShopFloor.Core.Channels.Inbox.InboxDelivery>().AnyAsync(d =>
                d.StoreKey == store.Shop.Domain && d.Topic == topic && d.Body.Contains(orderId)
                && d.Status != ShopFloor.Core.Channels.Inbox.DeliveryStatus.Pending)),
            $"ShopFloor processes {topic} of {order.Name}", seconds, () => DiagnoseAsync(store));
    }

    public async Task<string> DiagnoseAsync(SyncedStore store)
    {
        var inbox = await app.WithDbAsync(db => db.Set<ShopFloor.Core.Channels.Inbox.InboxDelivery>().Where(d => d.StoreKey == store.Shop.Domain)
            .OrderBy(d => d.Id).Select(d => $"{d.Topic} {d.Status} x{d.Attempts}: {d.Outcome}").ToListAsync());
        var log = (await SyncLogAsync(store.StoreId)).Select(e => $"{e.GetProperty("subject")} {e.GetProperty("outcome")}: {e.GetProperty("message")}");
        return "inbox:\n  " + string.Join("\n  ", inbox.Select(x => x.Length > 300 ? x[..300] : x)) + "\nsync log:\n  " + string.Join("\n  ", log);
    }

    public async Task<List<JsonElement>> SyncLogAsync(long storeId, string query = "") =>
        (await _api.GetAsync($"/v1/shopify/stores/{storeId}/sync_log?limit=250{query}")).GetProperty("data").EnumerateArray().ToList();
}

/// <summary>Shortcuts to act in an emulated store as its shoppers, merchant and shipping app would.</summary>
public sealed class EmulatedShopAccess(IShopFloorHost app)
{
    public Task<ShopOrder> OrderAsync(SyncedStore store, params (string Sku, int Quantity)[] lines) =>
        app.Emulator.PlaceOrderAsync(store.Shop, new OrderDraft(lines.Select(l => new LineDraft(store.Variant(l.Sku), null, null, l.Quantity, null)).ToList()));

    public Task<ShopOrder> PlaceAsync(SyncedStore store, OrderDraft draft) => app.Emulator.PlaceOrderAsync(store.Shop, draft);

    public Task<ShopOrder> ShipAsync(SyncedStore store, ShopOrder order, string tracking = "1Z999") => app.Emulator.ShipAsync(store.Shop, order, tracking);

    public Task<T> InShopAsync<T>(SyncedStore store, Func<EmulatedShop, T> action) => app.Emulator.InShopAsync(store.Shop, action);

    public DateTime Now => app.Emulator.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A merchant's tool calling the store's Admin API (the emulator's, as any app would).</summary>
    public async Task<JsonElement> AdminAsync(SyncedStore store, string query, object? variables = null)
    {
        var response = await app.Emulator.AdminClient(store.Token).PostAsJsonAsync(
            $"/admin/api/{ShopFloor.ShopifyEmulator.GraphQL.ApiVersions.Latest}/graphql.json", new { query, variables });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }
}
