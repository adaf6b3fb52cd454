using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Tests.Infrastructure;
using ShopFloor.WooEmulator;
using ShopFloor.WooEmulator.Store;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.WooCommerce;

/// <summary>#19: a WooCommerce store's states (active, paused, disconnected) and its settings.</summary>
public abstract class WooSettingsTests(ShopFloorApp app, WooEmulatorFixture fixture)
{
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());
    private readonly WooStores _woo = new(app, fixture.Server);
    private WooEmulatorServer Woo => fixture.Server;
    private ApiClient Api => _shop.Api;

    private async Task<(WooStore Store, long StoreId, long Location, string Sku, long VariantId)> ConnectedAsync(int stock)
    {
        var sku = "CANDLE-" + Shop.Unique();
        var store = Woo.AddStore("woo-" + Shop.Unique());
        await Woo.InStoreAsync(store, s => s.AddProduct("Soy candle", sku, 12m, 0, DateTime.UtcNow));
        var location = await _shop.LocationAsync();
        var variantId = await _shop.ProductAsync(sku);
        await _shop.AdjustAsync(location, variantId, stock);
        var storeId = await _woo.ConnectAsync(store, location);
        await _woo.WooShowsAsync(store, sku, stock);
        return (store, storeId, location, sku, variantId);
    }

    // Ids are the store's own: two emulated stores can both have an order 12, so the store is named too.
    private Task<bool> ProcessedAsync(long storeId, WooOrder sale, string topic) => app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d =>
        d.Channel == "woocommerce" && d.StoreKey == storeId.ToString() && d.Topic == topic && d.Status != DeliveryStatus.Pending
        && d.Body.Contains($"\"id\":{sale.Id},")));

    [Fact] // R-CON-3, R-SYNC-6: while paused nothing comes in or goes out; resuming reads the orders placed meanwhile and sends the stock again
    public async Task A_paused_store_catches_up_when_resumed()
    {
        var (store, storeId, location, sku, variantId) = await ConnectedAsync(stock: 10);
        var paused = await Api.PostAsync($"/v1/woocommerce/stores/{storeId}/pause", new { });
        Assert.Equal("SYNC_INACTIVE", paused.GetProperty("state").GetString()); // as a Shopify store not syncing

        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(sku, 3)); // WooCommerce takes its own stock: 7
        await Eventually.TrueAsync(() => ProcessedAsync(storeId, sale, "order.created"), "the paused store's webhook is processed");
        await _shop.AdjustAsync(location, variantId, 5);
        Assert.Equal(0m, (await _shop.StockAsync(variantId, location)).Committed);
        Assert.Equal(7, await _woo.StockInWooAsync(store, sku)); // nothing sent while paused

        var resumed = await Api.PostAsync($"/v1/woocommerce/stores/{storeId}/resume", new { });
        Assert.Equal("SYNC_ACTIVE", resumed.GetProperty("state").GetString());
        await _woo.AwaitSalesOrderAsync(storeId, sale);
        Assert.Equal(12m, (await _shop.StockAsync(variantId, location)).Available);
        await _woo.WooShowsAsync(store, sku, 12);
        var log = await _woo.SyncLogAsync(storeId);
        Assert.Contains(log, e => e.GetProperty("subject").GetString() == "sync" && e.GetProperty("message").GetString()!.StartsWith("sync paused", StringComparison.Ordinal));
        Assert.Contains(log, e => e.GetProperty("subject").GetString() == "sync" && e.GetProperty("message").GetString()!.StartsWith("sync resumed", StringComparison.Ordinal));
    }

    [Fact] // R-CFG-1..3 for WooCommerce: inventory sync, on-hold orders, the shipping-fee row and deliveries to the store are the merchant's choice
    public async Task Settings_decide_what_is_synced()
    {
        var (store, storeId, location, sku, variantId) = await ConnectedAsync(stock: 10);
        var changed = await Api.PatchAsync($"/v1/woocommerce/stores/{storeId}/settings", new { inventory_sync = false, import_on_hold_orders = false, deliveries_to_store = false });
        Assert.False(changed.GetProperty("settings").GetProperty("inventory_sync").GetBoolean());
        Assert.True(changed.GetProperty("settings").GetProperty("shipping_fee_row").GetBoolean()); // left out: kept

        var buyer = new WooAddress("Ada", "Lovelace", "ada@example.com");
        var onHold = await Woo.InStoreAsync(store, s => Woo.Checkout.Place(s, [new LineDraft(sku, 1)], buyer, OrderStatus.OnHold));
        await Eventually.TrueAsync(() => ProcessedAsync(storeId, onHold, "order.created"), "the on-hold order's webhook is processed");
        Assert.Contains(await _woo.SyncLogAsync(storeId), e => e.GetProperty("message").GetString()!.Contains("awaits payment (on-hold), and this store's orders awaiting payment are not imported"));

        var paid = await Woo.InStoreAsync(store, s => Woo.Checkout.Place(s, [new LineDraft(sku, 2)], buyer, OrderStatus.Processing, shipping: 4.5m));
        var order = await _woo.AwaitSalesOrderAsync(storeId, paid);
        var fee = Assert.Single((await Api.GetAsync($"/v1/sales_order_shipping_fee?sales_order_id={order.GetProperty("id").GetInt64()}")).GetProperty("data").EnumerateArray());
        Assert.Equal(("4.5", "Flat Rate"), (fee.GetProperty("amount").GetString(), fee.GetProperty("description").GetString()));
        Assert.Equal(8m, (await _shop.StockAsync(variantId, location)).Available);
        Assert.Equal(7, await _woo.StockInWooAsync(store, sku)); // WooCommerce's own count: ShopFloor sends nothing

        await _orders.FulfillAsync(order.GetProperty("id").GetInt64(), "DELIVERED");
        Assert.Equal(OrderStatus.Processing, await Woo.InStoreAsync(store, _ => paid.Status)); // not completed in the store

        await Api.PatchAsync($"/v1/woocommerce/stores/{storeId}/settings", new { inventory_sync = true });
        await _woo.WooShowsAsync(store, sku, 8); // turned on: ShopFloor's Available at once
    }
}

public sealed class WooSettingsOnSqlite(SqliteApp app, WooEmulatorFixture woo) : WooSettingsTests(app, woo), IClassFixture<SqliteApp>, IClassFixture<WooEmulatorFixture>;

public sealed class WooSettingsOnPostgres(PostgresApp app, WooEmulatorFixture woo) : WooSettingsTests(app, woo), IClassFixture<PostgresApp>, IClassFixture<WooEmulatorFixture>;
