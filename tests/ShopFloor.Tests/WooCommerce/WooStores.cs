using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Sales;
using ShopFloor.Tests.Infrastructure;
using ShopFloor.WooCommerce.Orders;
using ShopFloor.WooEmulator;
using ShopFloor.WooEmulator.Store;

namespace ShopFloor.Tests.WooCommerce;

/// <summary>A WooCommerce store emulator for a test class, beside the app's Shopify one.</summary>
public sealed class WooEmulatorFixture : IAsyncLifetime
{
    public WooEmulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await WooEmulatorServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>WooCommerce scenarios: a store connected as a merchant does it (keys pasted into ShopFloor), then both sides watched.</summary>
public sealed class WooStores(IShopFloorHost app, WooEmulatorServer woo)
{
    private readonly ApiClient _api = app.Api();

    public async Task<long> ConnectAsync(WooStore store, long locationId) =>
        (await _api.PostAsync("/v1/woocommerce/stores", new { url = store.Url, consumer_key = store.ConsumerKey, consumer_secret = store.ConsumerSecret, location_id = locationId }))
        .GetProperty("id").GetInt64();

    /// <summary>The store's stock_quantity of a SKU (a simple product or a variation), as its REST API answers.</summary>
    public Task<int?> StockInWooAsync(WooStore store, string sku) => woo.InStoreAsync(store, s =>
        s.Products.FirstOrDefault(p => p.Sku == sku)?.StockQuantity ?? s.Variations.FirstOrDefault(v => v.Sku == sku)?.StockQuantity);

    public async Task WooShowsAsync(WooStore store, string sku, int expected) =>
        await Eventually.TrueAsync(async () => await StockInWooAsync(store, sku) == expected,
            $"WooCommerce's stock of {sku} becomes {expected} (is {await StockInWooAsync(store, sku)})");

    public async Task<JsonElement> AwaitSalesOrderAsync(long wooStoreId, WooOrder order)
    {
        long? id = null;
        await Eventually.TrueAsync(async () => (id = await app.WithDbAsync(db => db.Set<WooOrderLink>()
            .Where(l => l.StoreId == wooStoreId && l.WooOrderId == order.Id).Select(l => l.SalesOrderId).FirstOrDefaultAsync())) is not null,
            $"WooCommerce order {order.Id} arrives as a sales order");
        return await _api.GetAsync($"/v1/sales_orders/{id}");
    }

    public async Task<JsonElement> AwaitStatusAsync(long salesOrderId, string status)
    {
        JsonElement order = default;
        await Eventually.TrueAsync(async () => (order = await _api.GetAsync($"/v1/sales_orders/{salesOrderId}")).GetProperty("status").GetString() == status,
            $"sales order {salesOrderId} becomes {status}");
        return order;
    }

    public Task<int> SalesOrdersFromWooAsync() => app.WithDbAsync(db => db.Set<SalesOrder>().CountAsync(o => o.Source == SalesOrderSource.WooCommerce));

    public Task<int> SalesOrdersFromWooAsync(long wooStoreId) =>
        app.WithDbAsync(db => db.Set<WooOrderLink>().CountAsync(l => l.StoreId == wooStoreId && l.SalesOrderId != null));

    public async Task<List<JsonElement>> SyncLogAsync(long wooStoreId) =>
        (await _api.GetAsync($"/v1/woocommerce/stores/{wooStoreId}/sync_log?limit=250")).GetProperty("data").EnumerateArray().ToList();

    /// <summary>The sales order's rows as the API shows them: quantity per variant.</summary>
    public async Task<Dictionary<long, decimal>> RowsAsync(long salesOrderId) =>
        (await _api.GetAsync($"/v1/sales_orders/{salesOrderId}")).GetProperty("sales_order_rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("variant_id").GetInt64(), r => r.GetProperty("quantity").GetDecimal());
}
