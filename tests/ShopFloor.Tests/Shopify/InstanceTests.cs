using Microsoft.EntityFrameworkCore;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.Tests.Infrastructure;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>R-SYNC-6 across processes: a service stopped mid-burst and started again, and instances sharing one database.</summary>
public abstract class InstanceTests(ShopFloorApp fixture)
{
    [Fact] // R-SYNC-6: stopped mid-burst and restarted — every order exactly once, Shopify's Available equal to ShopFloor's
    public async Task A_service_stopped_in_the_middle_of_a_burst_picks_up_where_it_was()
    {
        var first = fixture.StartInstance();
        var port = first.Address.Port;
        var sku = "BURST-" + Shop.Unique();
        var store = await new SyncedStores(first).ActiveAsync(null, sku);
        await new Shop(first.Api()).AdjustAsync(store.Warehouse, store.Variants[sku], 50);

        var placed = new List<ShopOrder>();
        for (var i = 0; i < 12; i++)
        {
            placed.Add(await fixture.Emulator.PlaceOrderAsync(store.Shop, new OrderDraft([new LineDraft(store.Variant(sku), null, null, 1, null)])));
            if (i == 5)
            {
                await first.DisposeAsync(); // the process goes away while deliveries are being recorded and processed
                // Its SQLite connections go with it, as they would with the process (the pool is per process).
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }

        await using var restarted = fixture.StartInstance(port); // the webhooks' address: Shopify's retries reach it
        var stores = new SyncedStores(restarted);
        foreach (var order in placed)
            await stores.AwaitSalesOrderAsync(store, order, seconds: 60);
        Assert.Equal(12, await restarted.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().CountAsync(o => o.StoreId == store.StoreId)));
        await stores.ShopifyMatchesAsync(store, sku, 38, seconds: 30);
    }
}

public sealed class InstancesOnSqlite(SqliteInstances fixture) : InstanceTests(fixture), IClassFixture<SqliteInstances>;

public sealed class InstancesOnPostgres(PostgresInstances fixture) : InstanceTests(fixture), IClassFixture<PostgresInstances>
{
    [Fact] // R-SYNC-6, the stack's promise: two instances on one PostgreSQL share the inbox and outbox, and each order is made once
    public async Task Two_instances_on_one_postgres_share_the_work()
    {
        await using var one = fixture.StartInstance();
        await using var two = fixture.StartInstance();
        var sku = "SHARED-" + Shop.Unique();
        var store = await new SyncedStores(one).ActiveAsync(null, sku);
        await new Shop(two.Api()).AdjustAsync(store.Warehouse, store.Variants[sku], 100);
        var placed = new List<ShopOrder>();
        for (var i = 0; i < 20; i++)
            placed.Add(await fixture.Emulator.PlaceOrderAsync(store.Shop, new OrderDraft([new LineDraft(store.Variant(sku), null, null, 2, null)])));

        var stores = new SyncedStores(two);
        foreach (var order in placed)
            await stores.AwaitSalesOrderAsync(store, order, seconds: 60);
        Assert.Equal(20, await two.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().CountAsync(o => o.StoreId == store.StoreId)));
        await stores.ShopifyMatchesAsync(store, sku, 60, seconds: 30);
    }

    [Fact] // #14, R-SYNC-4: both instances changing the same levels while both push: Shopify ends at ShopFloor's value, not behind it
    public async Task Two_instances_pushing_the_same_levels_leave_shopify_at_shopfloors_value()
    {
        await using var one = fixture.StartInstance();
        await using var two = fixture.StartInstance();
        var skus = new[] { "TWIN-A-" + Shop.Unique(), "TWIN-B-" + Shop.Unique() };
        var store = await new SyncedStores(one).ActiveAsync(null, skus);
        var shops = new[] { new Shop(one.Api()), new Shop(two.Api()) };
        var changes = Enumerable.Range(0, 40).Select(async i =>
        {
            await Task.Delay(i * 15);
            await shops[i % 2].AdjustAsync(store.Warehouse, store.Variants[skus[i % skus.Length]], i % 3 == 0 ? -1 : 2);
        });
        var orders = Enumerable.Range(0, 6).Select(i =>
            fixture.Emulator.PlaceOrderAsync(store.Shop, new OrderDraft([new LineDraft(store.Variant(skus[i % skus.Length]), null, null, 1, null)])));
        await Task.WhenAll(changes.Concat(orders));

        var stores = new SyncedStores(two);
        await Eventually.TrueAsync(async () => await two.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().CountAsync(o => o.StoreId == store.StoreId)) == 6,
            "the six orders are imported", seconds: 60);
        foreach (var sku in skus)
        {
            var available = (long)(await shops[1].StockAsync(store.Variants[sku], store.Warehouse)).Available;
            await stores.ShopifyMatchesAsync(store, sku, available, seconds: 30);
        }
    }
}
