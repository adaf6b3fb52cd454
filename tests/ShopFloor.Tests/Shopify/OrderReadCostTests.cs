using ShopFloor.ShopifyEmulator.RateLimits;
using ShopFloor.Tests.Infrastructure;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>
/// #17: a store's rate limit is shared by every order a sale brings, so a usual order is read in one call of a few
/// points: on Shopify Plus (1,000 points a second) that lets ShopFloor read 50 orders a second.
/// </summary>
public abstract class OrderReadCostTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());

    [Fact] // R-SYNC-1, R-SYNC-3: a new one-line order costs one read of at most 20 points; its shipments are read once it has some
    public async Task A_new_order_is_read_in_one_call_of_at_most_20_points_and_its_shipments_once_it_ships()
    {
        var sku = "CHEAP-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, sku);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[sku], 10);
        var bucket = app.Emulator.Buckets.For(store.Shop);
        var before = Spent(bucket);

        var placed = await _stores.Emulator.OrderAsync(store, (sku, 1));
        await _stores.AwaitSalesOrderAsync(store, placed);
        var reads = Spent(bucket) - before;
        Assert.Equal(1, reads.Calls("Order"));
        Assert.InRange(reads.Points("Order"), 1, 20);
        Assert.Equal(0, reads.Calls("OrderFulfillments"));

        await _stores.Emulator.ShipAsync(store, placed);
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        await _stores.AwaitSalesOrderAsync(sale.GetProperty("id").GetInt64(), o => o.GetProperty("status").GetString() == "DELIVERED", "delivered");
        Assert.True((Spent(bucket) - before).Calls("OrderFulfillments") >= 1);
        await _stores.ShopifyMatchesAsync(store, sku, 9);
    }

    private static Tally Spent(LeakyBucket bucket) => new(bucket.ByOperation.ToDictionary(o => o.Key, o => o.Value));

    private sealed record Tally(Dictionary<string, OperationPoints> ByOperation)
    {
        public long Calls(string operation) => ByOperation.GetValueOrDefault(operation)?.Calls ?? 0;

        public long Points(string operation) => ByOperation.GetValueOrDefault(operation)?.Points ?? 0;

        public static Tally operator -(Tally after, Tally before) => new(after.ByOperation.ToDictionary(o => o.Key,
            o => new OperationPoints(o.Value.Calls - before.Calls(o.Key), o.Value.Points - before.Points(o.Key))));
    }
}

public sealed class OrderReadCostOnSqlite(SqliteApp app) : OrderReadCostTests(app), IClassFixture<SqliteApp>;

public sealed class OrderReadCostOnPostgres(PostgresApp app) : OrderReadCostTests(app), IClassFixture<PostgresApp>;
