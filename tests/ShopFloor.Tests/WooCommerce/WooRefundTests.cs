using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Tests.Infrastructure;
using ShopFloor.WooEmulator;
using ShopFloor.WooEmulator.Store;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.WooCommerce;

/// <summary>#19: refunds, edits and deletions made in WooCommerce after an order was imported, and the store's sync log.</summary>
public abstract class WooRefundTests(ShopFloorApp app, WooEmulatorFixture fixture)
{
    private readonly Shop _shop = new(app.Api());
    private readonly WooStores _woo = new(app, fixture.Server);
    private WooEmulatorServer Woo => fixture.Server;
    private ApiClient Api => _shop.Api;

    /// <summary>A Woo store selling one candle, ShopFloor holding <paramref name="stock"/> of it, and an order of <paramref name="ordered"/> imported.</summary>
    private async Task<(WooStore Store, long StoreId, long Location, string Sku, long VariantId, WooOrder Sale, long SalesOrderId)> OrderedAsync(int stock, int ordered)
    {
        var sku = "CANDLE-" + Shop.Unique();
        var store = Woo.AddStore("woo-" + Shop.Unique());
        await Woo.InStoreAsync(store, s => s.AddProduct("Soy candle", sku, 12m, 0, DateTime.UtcNow));
        var location = await _shop.LocationAsync();
        var variantId = await _shop.ProductAsync(sku);
        await _shop.AdjustAsync(location, variantId, stock);
        var storeId = await _woo.ConnectAsync(store, location);
        await _woo.WooShowsAsync(store, sku, stock);
        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(sku, ordered));
        var salesOrderId = (await _woo.AwaitSalesOrderAsync(storeId, sale)).GetProperty("id").GetInt64();
        return (store, storeId, location, sku, variantId, sale, salesOrderId);
    }

    private async Task RefundAsync(WooStore store, WooOrder sale, int quantity, bool restock, string reason = "")
    {
        using var admin = Woo.RestClient(store);
        var refund = await admin.PostAsJsonAsync($"orders/{sale.Id}/refunds",
            new
            {
                amount = (12m * quantity).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), reason, api_restock = restock,
                line_items = new[] { new { id = sale.LineItems[0].Id, quantity } }
            });
        refund.EnsureSuccessStatusCode();
    }

    // Ids are the store's own: two emulated stores can both have an order 12, so the store is named too.
    private Task<bool> ProcessedAsync(long storeId, WooOrder sale, string topic, int atLeast) => app.WithDbAsync(async db =>
        await db.Set<InboxDelivery>().CountAsync(d => d.Channel == "woocommerce" && d.StoreKey == storeId.ToString() && d.Topic == topic
                                                     && d.Status != DeliveryStatus.Pending && d.Body.Contains($"\"id\":{sale.Id},")) >= atLeast);

    [Fact] // R-SYNC-2, R-SYNC-5: a line refunded before shipping does not ship: the sales order's row follows, and the unit is on sale again
    public async Task A_refund_before_shipping_lowers_the_sales_order()
    {
        var (store, _, location, sku, variantId, sale, salesOrderId) = await OrderedAsync(stock: 10, ordered: 4);
        await _woo.WooShowsAsync(store, sku, 6);

        await RefundAsync(store, sale, 1, restock: true);
        await Eventually.TrueAsync(async () => (await _woo.RowsAsync(salesOrderId))[variantId] == 3, "the row follows the refund");
        Assert.Equal(7m, (await _shop.StockAsync(variantId, location)).Available);

        await Woo.ShipAsync(store, sale);
        await _woo.AwaitStatusAsync(salesOrderId, "DELIVERED");
        Assert.Equal(7m, (await _shop.StockAsync(variantId, location)).InStock);
        await _woo.WooShowsAsync(store, sku, 7);
    }

    [Fact] // R-SYNC-5, R-RET-1: a refund after delivery becomes a return order; its stock comes back only when the merchant marks it returned, once
    public async Task A_refund_after_delivery_becomes_a_return_order_that_restocks_when_returned()
    {
        var (store, storeId, location, sku, variantId, sale, salesOrderId) = await OrderedAsync(stock: 5, ordered: 2);
        await Woo.ShipAsync(store, sale);
        await _woo.AwaitStatusAsync(salesOrderId, "DELIVERED");
        await _woo.WooShowsAsync(store, sku, 3);

        await RefundAsync(store, sale, 1, restock: true, reason: "arrived broken"); // WooCommerce puts the unit back in its own stock at once
        var salesReturn = await Eventually.ElementAsync(async () => (await Api.GetAsync($"/v1/sales_returns?sales_order_id={salesOrderId}"))
            .GetProperty("data").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(), "the refund becomes a return order");
        Assert.Equal("NOT_RETURNED", salesReturn.GetProperty("status").GetString());
        var row = Assert.Single(salesReturn.GetProperty("sales_return_rows").EnumerateArray());
        Assert.Equal((1m, "arrived broken"), (decimal.Parse(row.GetProperty("quantity").GetString()!, System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("reason").GetString()));
        await _woo.WooShowsAsync(store, sku, 3); // not back until it is: the store is set back to ShopFloor's figure
        Assert.Equal(3m, (await _shop.StockAsync(variantId, location)).InStock);

        await Api.PatchAsync($"/v1/sales_returns/{salesReturn.GetProperty("id").GetInt64()}", new { status = "RETURNED" });
        Assert.Equal(4m, (await _shop.StockAsync(variantId, location)).InStock);
        await _woo.WooShowsAsync(store, sku, 4);

        await Woo.InStoreAsync(store, s => { Woo.Checkout.SetStatus(s, sale, OrderStatus.Completed); return 0; }); // the order is saved again
        await Eventually.TrueAsync(() => ProcessedAsync(storeId, sale, "order.updated", 3), "the later order.updated is processed");
        Assert.Single((await Api.GetAsync($"/v1/sales_returns?sales_order_id={salesOrderId}")).GetProperty("data").EnumerateArray());
        var log = await _woo.SyncLogAsync(storeId);
        Assert.Contains(log, e => e.GetProperty("subject").GetString() == "return" && e.GetProperty("message").GetString()!.Contains("mark it returned"));
        Assert.Contains(log, e => e.GetProperty("subject").GetString() == "order" && e.GetProperty("message").GetString()!.Contains("imported as sales order"));
        await _woo.WooShowsAsync(store, sku, 4);
    }

    [Fact] // R-SYNC-2: an order edited in WooCommerce changes its sales order; trashed there, the sales order is cancelled and its stock is on sale again
    public async Task An_order_edited_then_trashed_in_WooCommerce_is_followed()
    {
        var (store, storeId, location, sku, variantId, sale, salesOrderId) = await OrderedAsync(stock: 8, ordered: 3);
        using var admin = Woo.RestClient(store);
        (await admin.PutAsJsonAsync($"orders/{sale.Id}", new { line_items = new[] { new { id = sale.LineItems[0].Id, quantity = 1 } } })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await _woo.RowsAsync(salesOrderId))[variantId] == 1, "the row follows the edit");
        Assert.Equal(7m, (await _shop.StockAsync(variantId, location)).Available);
        await _woo.WooShowsAsync(store, sku, 7);

        (await admin.DeleteAsync($"orders/{sale.Id}")).EnsureSuccessStatusCode(); // to the trash
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().Where(o => o.Id == salesOrderId).Select(o => o.IsCancelled).FirstAsync()),
            "the trashed order's sales order is cancelled");
        Assert.Equal(8m, (await _shop.StockAsync(variantId, location)).Available);
        Assert.Contains(await _woo.SyncLogAsync(storeId), e => e.GetProperty("message").GetString()!.Contains("trash"));
        await _woo.WooShowsAsync(store, sku, 8);
    }
}

public sealed class WooRefundsOnSqlite(SqliteApp app, WooEmulatorFixture woo) : WooRefundTests(app, woo), IClassFixture<SqliteApp>, IClassFixture<WooEmulatorFixture>;

public sealed class WooRefundsOnPostgres(PostgresApp app, WooEmulatorFixture woo) : WooRefundTests(app, woo), IClassFixture<PostgresApp>, IClassFixture<WooEmulatorFixture>;
