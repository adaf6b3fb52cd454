using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Shopify.Webhooks;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>
/// #12: orders larger than one page of Shopify's answer — more than 50 line items, more than 5 fulfillment
/// orders, more than 50 lines in one, more than 9 shipments — are read by paging and imported whole; and a return
/// whose webhooks never came is found by the catch-up.
/// </summary>
public abstract class LargeOrderTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());
    private ApiClient Api => _shop.Api;
    private EmulatedShopAccess Emulator => _stores.Emulator;

    [Fact] // R-SYNC-1, R-SYNC-3: 120 line items, 7 fulfillment orders (one of 60 lines), 13 shipments — every row imported and delivered
    public async Task An_order_larger_than_one_page_is_imported_and_delivered_whole()
    {
        var skus = new[] { "BIG-A-" + Shop.Unique(), "BIG-B-" + Shop.Unique(), "BIG-C-" + Shop.Unique() };
        var store = await _stores.ActiveAsync(null, skus);
        foreach (var sku in skus)
            await _shop.AdjustAsync(store.Warehouse, store.Variants[sku], 100);
        var placed = await Emulator.PlaceAsync(store, new OrderDraft(
            Enumerable.Range(0, 120).Select(i => new LineDraft(store.Variant(skus[i % 3]), null, null, 1, null)).ToList()));

        var sale = await _stores.AwaitSalesOrderAsync(store, placed, seconds: 30);
        Assert.Equal(120, sale.GetProperty("sales_order_rows").GetArrayLength());
        foreach (var sku in skus)
            await _stores.ShopifyMatchesAsync(store, sku, 60);

        // The merchant splits the shipment six ways (7 fulfillment orders; the first keeps 60 lines), then a shipping
        // app ships the big one at once (60 lines in one fulfillment) and each of the others in two parts.
        var original = placed.FulfillmentOrders[0];
        var split = original.LineItems.Skip(60).Chunk(10).Select(chunk => new
        {
            fulfillmentOrderId = $"gid://shopify/FulfillmentOrder/{original.Id}",
            fulfillmentOrderLineItems = chunk.Select(l => new { id = $"gid://shopify/FulfillmentOrderLineItem/{l.Id}", quantity = 1 }).ToArray(),
        }).ToArray();
        await Emulator.AdminAsync(store, """
            mutation($splits: [FulfillmentOrderSplitInput!]!) { fulfillmentOrderSplit(fulfillmentOrderSplits: $splits) { userErrors { message } } }
            """, new { splits = split });
        Assert.Equal(7, placed.FulfillmentOrders.Count);
        await Emulator.InShopAsync(store, s =>
        {
            app.Emulator.Orders.Fulfill(s, [(placed.FulfillmentOrders[0], null)], "UPS", "1Z-BIG", null, Emulator.Now);
            foreach (var part in placed.FulfillmentOrders.Skip(1))
                foreach (var half in part.LineItems.Chunk(5).ToList())
                    app.Emulator.Orders.Fulfill(s, [(part, half.Select(l => (l, 1)).ToList())], "UPS", null, null, Emulator.Now);
            return true;
        });
        Assert.Equal(13, placed.Fulfillments.Count);

        var delivered = await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("status").GetString() == "DELIVERED", "all 120 rows are delivered");
        Assert.All(delivered.GetProperty("sales_order_rows").EnumerateArray(), r => Assert.Equal(1m, r.GetProperty("quantity").GetDecimal()));
        foreach (var sku in skus)
        {
            Assert.Equal(60m, (await _shop.StockAsync(store.Variants[sku], store.Warehouse)).InStock);
            await _stores.ShopifyMatchesAsync(store, sku, 60);
        }
    }

    [Fact] // R-SYNC-1: a failure at the import's last write (its sync log line; a crash, once) leaves nothing; the retry imports it once
    public async Task An_import_that_fails_at_its_last_write_leaves_nothing_and_the_retry_imports_it_once()
    {
        var store = await _stores.ActiveAsync(null, "KNOWN-" + Shop.Unique());
        var sku = "NEW-" + Shop.Unique();
        var email = $"{Shop.Unique()}@example.com";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? $"""
              CREATE FUNCTION refuse_link_{store.StoreId}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_link_{store.StoreId} BEFORE INSERT ON sync_log FOR EACH ROW
                WHEN (NEW.store_id = {store.StoreId} AND NEW.message LIKE '%imported as sales order%') EXECUTE FUNCTION refuse_link_{store.StoreId}();
              """
            : $"""
              CREATE TRIGGER refuse_link_{store.StoreId} BEFORE INSERT ON sync_log WHEN NEW.store_id = {store.StoreId} AND NEW.message LIKE '%imported as sales order%'
              BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
              """));
        var shopper = await Emulator.InShopAsync(store, s => app.Emulator.Orders.AddCustomer(s, "Ada", "Bead", email, null, Emulator.Now));
        var placed = await Emulator.PlaceAsync(store, new OrderDraft([new LineDraft(null, "Tiny bead", sku, 3, 1m)], Customer: shopper));

        var orderId = $"{placed.Id}";
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<InboxDelivery>()
            .AnyAsync(d => d.Topic == "orders/create" && d.Body.Contains(orderId) && d.Attempts > 0 && d.Outcome != null)),
            "the import is tried and fails at its last write");
        Assert.Null(await _stores.SalesOrderOfAsync(store, placed));
        Assert.Equal(0, (await Api.GetAsync($"/v1/variants?sku={sku}")).GetProperty("data").GetArrayLength());
        Assert.False(await app.WithDbAsync(db => db.Customers.AnyAsync(c => c.Email == email)));

        await app.WithDbAsync(db =>
        {
            var drop = $"DROP TRIGGER refuse_link_{store.StoreId}" + (db.Database.IsNpgsql() ? " ON sync_log" : "");
            return db.Database.ExecuteSqlRawAsync(drop);
        });
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        Assert.Equal(3m, sale.GetProperty("sales_order_rows")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(1, (await Api.GetAsync($"/v1/variants?sku={sku}")).GetProperty("data").GetArrayLength());
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Email == email)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().CountAsync(o => o.StoreId == store.StoreId)));
    }

    [Fact] // R-SYNC-5, R-SYNC-6: a return approved and processed in Shopify while its webhooks were lost is applied by the catch-up
    public async Task A_return_whose_webhooks_never_came_is_applied_by_the_catch_up()
    {
        var jug = "JUG-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, jug);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[jug], 5);
        var placed = await Emulator.OrderAsync(store, (jug, 2));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        await Emulator.ShipAsync(store, placed);
        await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("status").GetString() == "DELIVERED", "delivered");
        await _stores.JobsDoneAsync(store.StoreId);

        store.Shop.Faults.HoldWebhooks = true;
        await Emulator.InShopAsync(store, s =>
        {
            var shopReturn = app.Emulator.Changes.CreateReturn(s, placed, [(placed.Fulfillments[0].LineItems[0].Id, 2, "DEFECTIVE", null)], Emulator.Now);
            app.Emulator.Changes.ProcessReturn(s, shopReturn, [(shopReturn.Lines[0].Id, 1, store.Online), (shopReturn.Lines[0].Id, 1, null)], Emulator.Now);
            return true;
        });
        await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/imports", new { type = "orders" });
        await _stores.JobsDoneAsync(store.StoreId);
        store.Shop.Faults.HoldWebhooks = false;

        var salesReturn = (await Api.GetAsync("/v1/sales_returns?limit=250")).GetProperty("data").EnumerateArray()
            .Single(r => r.GetProperty("sales_order_id").GetInt64() == Id(sale));
        Assert.Equal("RESTOCKED_ALL", salesReturn.GetProperty("status").GetString());
        Assert.Equal(4m, (await _shop.StockAsync(store.Variants[jug], store.Warehouse)).InStock); // 5 − 2 shipped + 1 restocked
        await _stores.ShopifyMatchesAsync(store, jug, 4);
        app.Emulator.Webhooks.Release(store.Shop);
    }
}

public sealed class LargeOrdersOnSqlite(SqliteApp app) : LargeOrderTests(app), IClassFixture<SqliteApp>;

public sealed class LargeOrdersOnPostgres(PostgresApp app) : LargeOrderTests(app), IClassFixture<PostgresApp>;
