using System.Net;
using ShopFloor.Tests.Infrastructure;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>#13: sales that reach ShopFloor late or already shipped still take their stock, and nothing puts it back on sale.</summary>
public abstract class EverySaleCountedTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());
    private ApiClient Api => _shop.Api;
    private EmulatedShopAccess Emulator => _stores.Emulator;

    [Fact] // R-SYNC-1, R-INV-1: an order ShopFloor first sees fulfilled (POS, fulfilled at checkout) is delivered at once; no phantom stock
    public async Task An_order_first_seen_fulfilled_is_imported_as_delivered_and_its_stock_leaves()
    {
        var cup = "CUP-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, cup);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[cup], 10);
        await _stores.ShopifyMatchesAsync(store, cup, 10);

        store.Shop.Faults.HoldWebhooks = true; // ShopFloor hears of the order only once it is fulfilled
        var sale = await Emulator.OrderAsync(store, (cup, 2));
        await Emulator.ShipAsync(store, sale);
        store.Shop.Faults.HoldWebhooks = false;
        app.Emulator.Webhooks.Release(store.Shop);

        var imported = await _stores.AwaitSalesOrderAsync(store, sale);
        await _stores.AwaitSalesOrderAsync(imported.GetProperty("id").GetInt64(), o => o.GetProperty("status").GetString() == "DELIVERED", "the order is delivered");
        Assert.Equal(8m, (await _shop.StockAsync(store.Variants[cup], store.Warehouse)).InStock);
        await _stores.ShopifyMatchesAsync(store, cup, 8);
        await ReconcileAsync(store);
        Assert.Equal(8, await _stores.AvailableInShopifyAsync(store, cup)); // the reconciliation raises nothing
    }

    [Fact] // R-SYNC-4, #13: stock raised in ShopFloor while Shopify has an order ShopFloor has not applied yet does not put that order's units back on sale
    public async Task A_raise_never_puts_an_unapplied_sale_back_on_sale()
    {
        var vase = "VASE-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, vase);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 10);
        await _stores.ShopifyMatchesAsync(store, vase, 10);

        store.Shop.Faults.HoldWebhooks = true; // the order's webhooks are late
        var sale = await Emulator.OrderAsync(store, (vase, 3));
        Assert.Equal(7, await _stores.AvailableInShopifyAsync(store, vase));
        await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 5); // a receipt: ShopFloor has 15, knows of no order

        await Eventually.TrueAsync(async () => (await _stores.SyncLogAsync(store.StoreId, "&subject=stock")).Any(e =>
            e.GetProperty("message").GetString()!.Contains("Shopify holds 3 for orders ShopFloor has not applied yet")), "the push holds the 3 back");
        Assert.Equal(12, await _stores.AvailableInShopifyAsync(store, vase)); // 15 − the 3 sold, not 15

        store.Shop.Faults.HoldWebhooks = false;
        app.Emulator.Webhooks.Release(store.Shop);
        await _stores.AwaitSalesOrderAsync(store, sale);
        await _stores.ShopifyMatchesAsync(store, vase, 12);
        await ReconcileAsync(store);
        Assert.Equal(12, await _stores.AvailableInShopifyAsync(store, vase));
    }

    [Fact] // R-SYNC-1, R-CON-4: orders placed while sync was paused are imported on Activate; their units stay off sale
    public async Task Orders_placed_while_paused_are_imported_on_activate()
    {
        var jug = "JUG-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, jug);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[jug], 10);
        await _stores.ShopifyMatchesAsync(store, jug, 10);

        await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/pause", new { });
        var whilePaused = await Emulator.OrderAsync(store, (jug, 3));
        Assert.Equal(7, await _stores.AvailableInShopifyAsync(store, jug));
        await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/activate", new { });

        await _stores.AwaitSalesOrderAsync(store, whilePaused);
        await _stores.JobsDoneAsync(store.StoreId);
        Assert.Equal(3m, (await _shop.StockAsync(store.Variants[jug], store.Warehouse)).Committed);
        await _stores.ShopifyMatchesAsync(store, jug, 7);
        await ReconcileAsync(store);
        Assert.Equal(7, await _stores.AvailableInShopifyAsync(store, jug));
    }

    [Fact] // R-CAT-3, R-INV-5: a kit sold and shipped in Shopify with none assembled takes its components; Shopify stops offering them
    public async Task A_kit_shipped_from_shopify_consumes_its_components_in_both_places()
    {
        var (kit, cup, saucer) = ("SET-" + Shop.Unique(), "CUP-" + Shop.Unique(), "SAUCER-" + Shop.Unique());
        var kitVariant = await _shop.ProductAsync(kit, isKit: true);
        var store = await _stores.ActiveAsync(null, kit, cup, saucer);
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = kitVariant, ingredient_variant_id = store.Variants[cup], quantity = 2 });
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = kitVariant, ingredient_variant_id = store.Variants[saucer], quantity = 1 });
        await _shop.AdjustAsync(store.Warehouse, store.Variants[cup], 4);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[saucer], 2);
        await _stores.ShopifyMatchesAsync(store, cup, 4);
        await Eventually.TrueAsync(async () => await _stores.AvailableInShopifyAsync(store, kit) == 2, "the kit's potential (2) reaches Shopify");

        var sale = await Emulator.OrderAsync(store, (kit, 1));
        var imported = await _stores.AwaitSalesOrderAsync(store, sale);
        await Emulator.ShipAsync(store, sale);
        await _stores.AwaitSalesOrderAsync(imported.GetProperty("id").GetInt64(), o => o.GetProperty("status").GetString() == "DELIVERED", "the kit is delivered");

        Assert.Equal(0m, (await _shop.StockAsync(kitVariant, store.Warehouse)).InStock);
        await _stores.ShopifyMatchesAsync(store, cup, 2);
        await _stores.ShopifyMatchesAsync(store, saucer, 1);
        await Eventually.TrueAsync(async () => await _stores.AvailableInShopifyAsync(store, kit) == 1, "one kit is left to offer");
        await ReconcileAsync(store);
        Assert.Equal(2, await _stores.AvailableInShopifyAsync(store, cup));
    }

    [Fact] // R-INV-2: a store can leave ShopFloor's own open orders out of its Available; packing them still takes the goods
    public async Task ShopFloor_orders_commit_for_sync_only_when_the_store_says_so()
    {
        var vase = "VASE-" + Shop.Unique();
        var store = await _stores.ActiveAsync(new { shopfloor_orders_commit = false }, vase);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 10);
        await _stores.ShopifyMatchesAsync(store, vase, 10);

        var wholesale = await new Orders(Api).SalesOrderAsync(store.Warehouse, (store.Variants[vase], 3)); // made in ShopFloor
        Assert.Equal(3m, (await _shop.StockAsync(store.Variants[vase], store.Warehouse)).Committed);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 1); // another change, so a push surely runs
        await Eventually.TrueAsync(async () => await _stores.AvailableInShopifyAsync(store, vase) == 11, "Shopify shows 11: the wholesale order does not count");

        await new Orders(Api).FulfillAsync(Orders.Id(wholesale), "PACKED");
        await Eventually.TrueAsync(async () => await _stores.AvailableInShopifyAsync(store, vase) == 8, "packed, the goods leave Shopify's figure too");
        await ReconcileAsync(store);
        Assert.Equal(8, await _stores.AvailableInShopifyAsync(store, vase));
    }

    private async Task ReconcileAsync(SyncedStore store)
    {
        var response = await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{store.StoreId}/reconcile", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _stores.JobsDoneAsync(store.StoreId);
    }
}

public sealed class EverySaleCountedOnSqlite(SqliteApp app) : EverySaleCountedTests(app), IClassFixture<SqliteApp>;

public sealed class EverySaleCountedOnPostgres(PostgresApp app) : EverySaleCountedTests(app), IClassFixture<PostgresApp>;
