using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Tests.Infrastructure;
using ShopFloor.WooEmulator;
using ShopFloor.WooEmulator.Store;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.WooCommerce;

/// <summary>#19: WooCommerce as a second sales channel on the same sync core as Shopify.</summary>
public abstract class WooSyncTests(ShopFloorApp app, WooEmulatorFixture fixture)
{
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());
    private readonly WooStores _woo = new(app, fixture.Server);
    private WooEmulatorServer Woo => fixture.Server;
    private ApiClient Api => _shop.Api;

    /// <summary>A Woo store selling a simple product and a variation, and ShopFloor holding those SKUs at a location of its own.</summary>
    private async Task<(WooStore Store, long StoreId, long Location, string Candle, string Shirt, long CandleId, long ShirtId)> ConnectedAsync(int candles, int shirts)
    {
        var (candle, shirt) = ("CANDLE-" + Shop.Unique(), "SHIRT-" + Shop.Unique());
        var store = Woo.AddStore("woo-" + Shop.Unique());
        await Woo.InStoreAsync(store, s =>
        {
            s.AddProduct("Soy candle", candle, 12m, 0, DateTime.UtcNow);
            var parent = s.AddProduct("Linen shirt", "", 45m, null, DateTime.UtcNow);
            return s.AddVariation(parent, "Blue", shirt, 45m, 0, DateTime.UtcNow);
        });
        var location = await _shop.LocationAsync();
        var (candleId, shirtId) = (await _shop.ProductAsync(candle), await _shop.ProductAsync(shirt));
        foreach (var (variant, quantity) in new[] { (candleId, candles), (shirtId, shirts) }.Where(x => x.Item2 != 0))
            await _shop.AdjustAsync(location, variant, quantity);
        var storeId = await _woo.ConnectAsync(store, location);
        return (store, storeId, location, candle, shirt, candleId, shirtId);
    }

    [Fact] // R-SYNC-4, #19: connecting sets the store's stock from ShopFloor's, and every later change follows (simple products and variations)
    public async Task Connecting_sets_the_stores_stock_and_changes_in_ShopFloor_follow()
    {
        var (store, _, location, candle, shirt, candleId, _) = await ConnectedAsync(candles: 10, shirts: 4);
        await _woo.WooShowsAsync(store, candle, 10);
        await _woo.WooShowsAsync(store, shirt, 4);
        Assert.Equal(ShopFloor.WooCommerce.Webhooks.WooWebhookSubscriptions.Topics.Order(),
            await Woo.InStoreAsync(store, s => s.Webhooks.Where(w => w.Status == "active").Select(w => w.Topic).Order().ToList()));

        await _shop.AdjustAsync(location, candleId, -3);
        await _woo.WooShowsAsync(store, candle, 7);
        Assert.Equal(7m, (await _shop.StockAsync(candleId, location)).Available);
    }

    [Fact] // R-SHIP-1, R-SYNC-1, R-SYNC-3: an order placed in WooCommerce becomes a sales order; ShipStation completing it there delivers it, with its tracking
    public async Task The_ShipStation_walk_closes_a_WooCommerce_order_by_itself()
    {
        var (store, storeId, location, candle, shirt, candleId, shirtId) = await ConnectedAsync(candles: 10, shirts: 4);
        await _woo.WooShowsAsync(store, shirt, 4);

        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(candle, 2), new LineDraft(shirt, 1));
        var order = await _woo.AwaitSalesOrderAsync(storeId, sale);
        var orderId = order.GetProperty("id").GetInt64();
        Assert.Equal($"#{sale.Id}", order.GetProperty("order_no").GetString());
        Assert.Equal("NOT_SHIPPED", order.GetProperty("status").GetString());
        Assert.Equal("woocommerce", order.GetProperty("source").GetString());
        var customer = await Api.GetAsync($"/v1/customers/{order.GetProperty("customer_id").GetInt64()}"); // R-CUS-1: the buyer, by billing email
        Assert.Equal(("Ada Lovelace", "ada@example.com"), (customer.GetProperty("name").GetString(), customer.GetProperty("email").GetString()));
        Assert.Equal(8m, (await _shop.StockAsync(candleId, location)).Available);
        Assert.Equal(3m, (await _shop.StockAsync(shirtId, location)).Available);

        await Woo.ShipAsync(store, sale, "1Z-WOO-1"); // ShipStation marks the order completed, with its tracking number
        var delivered = await _woo.AwaitStatusAsync(orderId, "DELIVERED");
        var fulfillments = await Api.GetAsync($"/v1/sales_order_fulfillments?sales_order_id={orderId}");
        Assert.Contains(fulfillments.GetProperty("data").EnumerateArray(), f => f.GetProperty("tracking_number").GetString() == "1Z-WOO-1");
        Assert.Equal(8m, (await _shop.StockAsync(candleId, location)).InStock);
        Assert.Equal(3m, (await _shop.StockAsync(shirtId, location)).InStock);

        // The end of every sync test: the store's stock is ShopFloor's In stock − Committed.
        await _woo.WooShowsAsync(store, candle, 8);
        await _woo.WooShowsAsync(store, shirt, 3);
        Assert.Equal("DELIVERED", delivered.GetProperty("status").GetString());
    }

    [Fact] // R-SYNC-3, ShopFloor → WooCommerce: delivering in ShopFloor completes the order in the store, and the echo delivers nothing twice
    public async Task Delivering_in_ShopFloor_completes_the_order_in_WooCommerce()
    {
        var (store, storeId, location, candle, _, candleId, _) = await ConnectedAsync(candles: 5, shirts: 0);
        await _woo.WooShowsAsync(store, candle, 5);
        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(candle, 2));
        var orderId = (await _woo.AwaitSalesOrderAsync(storeId, sale)).GetProperty("id").GetInt64();

        await _orders.FulfillAsync(orderId, "DELIVERED");
        await Eventually.TrueAsync(() => Woo.InStoreAsync(store, _ => sale.Status == OrderStatus.Completed), "the order is completed in WooCommerce");
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.Channel == "woocommerce" && d.Status != DeliveryStatus.Pending
            && d.StoreKey == storeId.ToString() && d.Topic == "order.updated" && d.Body.Contains("\"completed\""))), "the store's order.updated for the completion is processed");
        Assert.Single((await Api.GetAsync($"/v1/sales_order_fulfillments?sales_order_id={orderId}")).GetProperty("data").EnumerateArray());
        Assert.Equal(3m, (await _shop.StockAsync(candleId, location)).InStock);
        await _woo.WooShowsAsync(store, candle, 3);
    }

    [Fact] // R-SYNC-2: an order cancelled in WooCommerce is cancelled in ShopFloor, and its units are back on sale in the store
    public async Task An_order_cancelled_in_WooCommerce_gives_its_stock_back()
    {
        var (store, storeId, location, candle, _, candleId, _) = await ConnectedAsync(candles: 6, shirts: 0);
        await _woo.WooShowsAsync(store, candle, 6);
        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(candle, 4));
        var orderId = (await _woo.AwaitSalesOrderAsync(storeId, sale)).GetProperty("id").GetInt64();
        await _woo.WooShowsAsync(store, candle, 2);

        await Woo.InStoreAsync(store, s => { Woo.Checkout.SetStatus(s, sale, OrderStatus.Cancelled); return 0; });
        await Eventually.TrueAsync(async () => (await _shop.StockAsync(candleId, location)).Committed == 0, "the sales order is cancelled and commits nothing");
        Assert.True(await app.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().Where(o => o.Id == orderId).Select(o => o.IsCancelled).FirstAsync()));
        Assert.Equal(6m, (await _shop.StockAsync(candleId, location)).Available);
        await _woo.WooShowsAsync(store, candle, 6);
    }

    [Fact] // R-SYNC-6: WooCommerce does not resend a failed webhook; the catch-up reads orders modified since its last look
    public async Task An_order_whose_webhook_never_came_arrives_with_the_catch_up()
    {
        var (store, storeId, location, candle, _, candleId, _) = await ConnectedAsync(candles: 5, shirts: 0);
        await _woo.WooShowsAsync(store, candle, 5);
        await Woo.InStoreAsync(store, s => { s.Webhooks.ForEach(hook => hook.Status = "paused"); return s.Webhooks.Count; }); // the deliveries are lost
        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(candle, 2));
        Assert.Equal(0m, (await _shop.StockAsync(candleId, location)).Committed);

        var report = await Api.PostAsync($"/v1/woocommerce/stores/{storeId}/catch_up", new { });
        Assert.Equal(1, report.GetProperty("applied").GetInt32());
        await _woo.AwaitSalesOrderAsync(storeId, sale);
        Assert.Equal(3m, (await _shop.StockAsync(candleId, location)).Available);
        var again = await Api.PostAsync($"/v1/woocommerce/stores/{storeId}/catch_up", new { });
        Assert.Equal(0, again.GetProperty("applied").GetInt32()); // read again, applied once
        Assert.Equal(1, await _woo.SalesOrdersFromWooAsync(storeId));
        await _woo.WooShowsAsync(store, candle, 3);
    }

    [Fact] // R-SYNC-4: stock raised by hand in WooCommerce is set back to ShopFloor's (only ShopFloor's stock is sold); the echo of ShopFloor's own writes changes nothing
    public async Task Stock_raised_in_the_WooCommerce_admin_is_set_back()
    {
        var (store, storeId, _, candle, shirt, _, _) = await ConnectedAsync(candles: 4, shirts: 2);
        await _woo.WooShowsAsync(store, shirt, 2);
        var product = await Woo.InStoreAsync(store, s =>
        {
            var variation = s.Variations.First(v => v.Sku == shirt);
            Woo.Checkout.SetStock(s, variation.Parent, variation, 40, null); // the merchant types 40 in WooCommerce
            return variation.Parent.Id;
        });
        await _woo.WooShowsAsync(store, shirt, 2);
        await _woo.WooShowsAsync(store, candle, 4);
        // The correction's own product.updated comes back and finds the store right: nothing more is written.
        await Eventually.TrueAsync(() => app.WithDbAsync(async db =>
        {
            var ofProduct = db.Set<InboxDelivery>().Where(d => d.Channel == "woocommerce" && d.StoreKey == storeId.ToString() && d.Topic == "product.updated"
                                                                && d.Body.Contains($"\"id\":{product},"));
            var corrected = await ofProduct.Where(d => d.Outcome!.EndsWith("set back to ShopFloor's 1")).MaxAsync(d => (long?)d.Id);
            return corrected is not null && await ofProduct.AnyAsync(d => d.Id > corrected && d.Status == DeliveryStatus.Done && d.Outcome!.EndsWith("set back to ShopFloor's 0"));
        }), "the correction, then its echo, are processed", seconds: 60); // the echo queues behind every other store's webhooks in a full run
        await _woo.WooShowsAsync(store, shirt, 2);
    }

    [Fact] // #19 evidence: a sale in the WooCommerce store lowers Available in a Shopify store selling the same SKU from the same location
    public async Task A_WooCommerce_sale_lowers_Available_in_a_Shopify_store_selling_the_same_SKU()
    {
        var shared = "MUG-" + Shop.Unique();
        var shopify = new SyncedStores(app);
        var shopifyStore = await shopify.ActiveAsync(null, shared);
        await _shop.AdjustAsync(shopifyStore.Warehouse, shopifyStore.Variants[shared], 10);
        await shopify.ShopifyMatchesAsync(shopifyStore, shared, 10);

        var store = Woo.AddStore("woo-" + Shop.Unique());
        await Woo.InStoreAsync(store, s => s.AddProduct("Mug", shared, 9m, 0, DateTime.UtcNow));
        var storeId = await _woo.ConnectAsync(store, shopifyStore.Warehouse);
        await _woo.WooShowsAsync(store, shared, 10);

        var sale = await Woo.PlaceOrderAsync(store, new LineDraft(shared, 3));
        await _woo.AwaitSalesOrderAsync(storeId, sale);
        await shopify.ShopifyMatchesAsync(shopifyStore, shared, 7);
        await _woo.WooShowsAsync(store, shared, 7);
    }

    [Fact] // R-IMP-2, R-SYNC-4: a SKU changed in the WooCommerce admin moves the item's link; one ShopFloor does not know unlinks it (named in the sync log)
    public async Task A_sku_changed_in_WooCommerce_moves_or_ends_the_items_sync()
    {
        var (store, storeId, location, candle, shirt, candleId, shirtId) = await ConnectedAsync(candles: 10, shirts: 4);
        var lamp = "LAMP-" + Shop.Unique();
        var lampId = await _shop.ProductAsync(lamp);
        await _shop.AdjustAsync(location, lampId, 6);
        await _woo.WooShowsAsync(store, shirt, 4);
        var (shirtParent, shirtVariation, candleProduct) = await Woo.InStoreAsync(store, s =>
            (s.Variations.Single(v => v.Sku == shirt).Parent.Id, s.Variations.Single(v => v.Sku == shirt).Id, s.Products.Single(p => p.Sku == candle).Id));
        using var rest = Woo.RestClient(store);

        // The merchant gives the shirt variation the lamp's SKU: it now sells (and shows) the lamp's stock.
        (await rest.PutAsJsonAsync($"products/{shirtParent}/variations/{shirtVariation}", new { sku = lamp })).EnsureSuccessStatusCode();
        await _woo.WooShowsAsync(store, lamp, 6);
        await _shop.AdjustAsync(location, lampId, -1);
        await _woo.WooShowsAsync(store, lamp, 5);

        // A SKU another product has is refused, as WooCommerce does.
        var duplicate = await rest.PutAsJsonAsync($"products/{candleProduct}", new { sku = lamp });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("product_invalid_sku", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // The candle gets a SKU ShopFloor does not know: it no longer syncs, and the sync log says what to do.
        var unknown = "NOT-IN-SHOPFLOOR-" + Shop.Unique();
        (await rest.PutAsJsonAsync($"products/{candleProduct}", new { sku = unknown })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await _woo.SyncLogAsync(storeId)).Any(l => l.GetProperty("message").GetString()!.Contains($"SKU {unknown} is not a ShopFloor variant")),
            "the unknown SKU is named in the sync log", seconds: 60);
        Assert.Equal(1, (await Api.GetAsync($"/v1/woocommerce/stores/{storeId}")).GetProperty("linked_variants").GetInt32());
        await _shop.AdjustAsync(location, candleId, -2);
        await _shop.AdjustAsync(location, shirtId, 3);
        await _shop.AdjustAsync(location, lampId, -1);
        await _woo.WooShowsAsync(store, lamp, 4);
        Assert.Equal(10, await _woo.StockInWooAsync(store, unknown));
    }

    [Fact] // #19, bad input: keys the store refuses are a 422 naming them; a delivery with a wrong signature is refused and nothing is stored
    public async Task Refused_keys_and_forged_deliveries_change_nothing()
    {
        var store = Woo.AddStore("woo-" + Shop.Unique());
        var refused = await Api.SendAsync(HttpMethod.Post, "/v1/woocommerce/stores",
            new { url = store.Url, consumer_key = store.ConsumerKey, consumer_secret = "cs_wrong" });
        var problem = await ApiClient.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("refused these keys", problem.ToString());

        var (connected, storeId, _, candle, _, _, _) = await ConnectedAsync(candles: 1, shirts: 0);
        var before = await _woo.SalesOrdersFromWooAsync();
        var body = "{\"id\":123456,\"status\":\"processing\"}";
        using var http = new HttpClient { BaseAddress = app.Address };
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/woocommerce/{storeId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.Add("X-WC-Webhook-Topic", "order.created");
        forged.Headers.Add("X-WC-Webhook-Delivery-ID", "forged-1");
        forged.Headers.Add("X-WC-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData("not the secret"u8.ToArray(), Encoding.UTF8.GetBytes(body))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.WebhookId.EndsWith("-forged-1"))));
        Assert.Equal(before, await _woo.SalesOrdersFromWooAsync());
        await _woo.WooShowsAsync(connected, candle, 1);
    }
}

public sealed class WooSyncOnSqlite(SqliteApp app, WooEmulatorFixture woo) : WooSyncTests(app, woo), IClassFixture<SqliteApp>, IClassFixture<WooEmulatorFixture>;

public sealed class WooSyncOnPostgres(PostgresApp app, WooEmulatorFixture woo) : WooSyncTests(app, woo), IClassFixture<PostgresApp>, IClassFixture<WooEmulatorFixture>;
