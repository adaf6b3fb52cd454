using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;
using ShopFloor.Core.Sales;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>#14: races between requests and the background writers of Available, and one bad value kept apart.</summary>
public abstract class StockRaceTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());
    private ApiClient Api => _shop.Api;

    [Fact] // R-SYNC-4: a reconciliation running while a push is in flight leaves ShopFloor's newer value in Shopify
    public async Task A_reconciliation_during_a_push_leaves_the_newer_value()
    {
        var vase = "VASE-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, vase);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 100);
        await _stores.ShopifyMatchesAsync(store, vase, 100);

        // The store holds its answers: the reconciliation starts and waits on its bulk read; meanwhile stock changes
        // and its push waits too. Both then go through in whatever order the store serves them.
        await store.Shop.Gate.WaitAsync();
        try
        {
            var job = await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{store.StoreId}/reconcile", new { });
            Assert.Equal(HttpStatusCode.Accepted, job.StatusCode);
            var jobId = Id(JsonDocument.Parse(await job.Content.ReadAsStringAsync()).RootElement);
            await Eventually.TrueAsync(async () => (await Api.GetAsync($"/v1/shopify/stores/{store.StoreId}/imports/{jobId}"))
                .GetProperty("status").GetString() == "RUNNING", "the reconciliation runs");
            await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 25);
            await Task.Delay(700); // past the coalescing window: the push is waiting on the store too
        }
        finally
        {
            store.Shop.Gate.Release();
        }

        await _stores.JobsDoneAsync(store.StoreId);
        await QueuesDrainedAsync();
        Assert.Equal(125, await _stores.AvailableInShopifyAsync(store, vase));
    }

    [Fact] // R-SYNC-4, #12: a push whose answer is lost is retried with the same idempotency key, and Shopify answers it without applying twice
    public async Task A_push_whose_answer_was_lost_is_replayed_not_applied_again()
    {
        var jug = "JUG-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, jug);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[jug], 10);
        await _stores.ShopifyMatchesAsync(store, jug, 10);
        var (kept, replays) = await _stores.Emulator.InShopAsync(store, s => (s.IdempotentCalls.Count, s.IdempotentCalls.Replays));

        store.Shop.Faults.LoseAnswers = 1; // a lowering push sends the mutation first: its answer is the one lost
        await _shop.AdjustAsync(store.Warehouse, store.Variants[jug], -4);

        await _stores.ShopifyMatchesAsync(store, jug, 6);
        await QueuesDrainedAsync();
        var after = await _stores.Emulator.InShopAsync(store, s => (s.IdempotentCalls.Count, s.IdempotentCalls.Replays));
        Assert.Equal((kept + 1, replays + 1), after); // one new call, answered twice
        Assert.Equal(6, await _stores.AvailableInShopifyAsync(store, jug));
    }

    [Fact] // R-SYNC-4, bad input: a quantity Shopify cannot hold is refused at the input, and a level beyond it blocks no other
    public async Task An_out_of_range_quantity_is_refused_and_a_level_beyond_shopifys_range_blocks_no_other()
    {
        var (big, small) = ("BIG-" + Shop.Unique(), "SMALL-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, big, small);

        var refused = await Api.SendRawAsync(HttpMethod.Post, "/v1/stock_adjustments", $$"""
            {"location_id": {{store.Warehouse}}, "stock_adjustment_rows": [{"variant_id": {{store.Variants[big]}}, "quantity": 99999999999999999999}]}
            """);
        var problem = await ApiClient.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("stock_adjustment_rows[0].quantity", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        // Two adjustments each within range take the level past Shopify's ±1,000,000,000.
        await _shop.AdjustAsync(store.Warehouse, store.Variants[big], 1_000_000_000);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[big], 1_000_000_000);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[small], 7);

        await _stores.ShopifyMatchesAsync(store, small, 7);
        await Eventually.TrueAsync(async () => (await _stores.SyncLogAsync(store.StoreId, "&subject=stock")).Any(e =>
            e.GetProperty("outcome").GetString() == "NEEDS_ACTION" && e.GetProperty("message").GetString()!.Contains("beyond what Shopify accepts")),
            "the level Shopify cannot hold is logged for the merchant");
        await _shop.AdjustAsync(store.Warehouse, store.Variants[small], 1);
        await _stores.ShopifyMatchesAsync(store, small, 8); // later pushes still go out
    }

    [Fact] // R-SYNC-4: a reconciliation that fails says so in the store's sync log, not only in its job list
    public async Task A_failed_reconciliation_is_in_the_sync_log()
    {
        var store = await _stores.ActiveAsync(null, "FAIL-" + Shop.Unique());
        store.Shop.Faults.ServerErrorShare = 1;
        long jobId;
        try
        {
            var job = await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{store.StoreId}/reconcile", new { });
            jobId = Id(JsonDocument.Parse(await job.Content.ReadAsStringAsync()).RootElement);
            await Eventually.TrueAsync(async () => (await Api.GetAsync($"/v1/shopify/stores/{store.StoreId}/imports/{jobId}"))
                .GetProperty("status").GetString() == "FAILED", "the reconciliation fails while Shopify answers 500", seconds: 90);
        }
        finally
        {
            store.Shop.Faults.ServerErrorShare = 0;
        }
        var line = Assert.Single(await _stores.SyncLogAsync(store.StoreId, "&subject=reconcile"), e => e.GetProperty("outcome").GetString() == "FAILED");
        Assert.StartsWith("Reconciliation failed:", line.GetProperty("message").GetString());
    }

    [Fact] // R-INV-1, R-INV-2, R-SYNC-4: many clients changing stock while pushes and reconciliations run; then every invariant holds
    public async Task Random_concurrent_changes_leave_the_ledger_consistent_and_shopify_equal_to_shopfloor()
    {
        var seed = Environment.TickCount;
        var skus = Enumerable.Range(0, 3).Select(i => $"R{i}-" + Shop.Unique()).ToArray();
        var store = await _stores.ActiveAsync(null, skus);
        var other = await _shop.LocationAsync();
        foreach (var sku in skus)
            await _shop.AdjustAsync(store.Warehouse, store.Variants[sku], 50);
        var placedInShopify = 0;

        async Task ClientAsync(int client)
        {
            var random = new Random(seed + client);
            var orders = new List<long>();
            for (var step = 0; step < 12; step++)
            {
                var sku = skus[random.Next(skus.Length)];
                var variant = store.Variants[sku];
                switch (random.Next(7))
                {
                    case 0:
                        await _shop.AdjustAsync(store.Warehouse, variant, random.Next(1, 6) * (random.Next(2) == 0 ? 1 : -1));
                        break;
                    case 1:
                        var (from, to) = random.Next(2) == 0 ? (store.Warehouse, other) : (other, store.Warehouse);
                        var transfer = await Api.PostAsync("/v1/stock_transfers", new
                        {
                            source_location_id = from, target_location_id = to, status = "received",
                            stock_transfer_rows = new[] { new { variant_id = variant, quantity = random.Next(1, 4) } },
                        });
                        if (random.Next(2) == 0) // two people flip it back at once
                            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                                Api.SendAsync(HttpMethod.Patch, $"/v1/stock_transfers/{Id(transfer)}/status", new { status = "draft" })));
                        break;
                    case 2:
                        orders.Add(Id(await new Orders(Api).SalesOrderAsync(store.Warehouse, (variant, random.Next(1, 3)))));
                        break;
                    case 3 when orders.Count > 0:
                        var delivered = orders[random.Next(orders.Count)];
                        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                            Api.SendAsync(HttpMethod.Patch, $"/v1/sales_orders/{delivered}", new { status = "DELIVERED" })));
                        break;
                    case 4 when orders.Count > 0:
                        var reverted = orders[random.Next(orders.Count)];
                        await Api.SendAsync(HttpMethod.Patch, $"/v1/sales_orders/{reverted}", new { status = "NOT_SHIPPED" });
                        break;
                    case 5:
                        await _stores.Emulator.OrderAsync(store, (sku, random.Next(1, 3)));
                        Interlocked.Increment(ref placedInShopify);
                        break;
                    default:
                        await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{store.StoreId}/reconcile", new { });
                        break;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(ClientAsync));
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<SalesOrder>().CountAsync(o => o.StoreId == store.StoreId)).ContinueWith(t => t.Result == placedInShopify),
            $"every Shopify order is imported (seed {seed})", seconds: 60);
        await _stores.JobsDoneAsync(store.StoreId);
        await QueuesDrainedAsync();

        var committedByDocuments = await CommittedByOpenOrdersAsync(store.Variants.Values.ToList());
        foreach (var sku in skus)
        {
            var variant = store.Variants[sku];
            foreach (var location in new[] { store.Warehouse, other })
            {
                var stock = await _shop.StockAsync(variant, location);
                Assert.True(await _shop.MovementSumAsync(variant, location) == stock.InStock, $"{sku}: in stock is the sum of its movements (seed {seed})");
                Assert.True(committedByDocuments.GetValueOrDefault(new StockKey(variant, location)) == stock.Committed,
                    $"{sku}: committed {stock.Committed} is what the open orders commit (seed {seed})");
            }
            var expected = (long)(await _shop.StockAsync(variant, store.Warehouse)).Available;
            Assert.True(expected == await _stores.AvailableInShopifyAsync(store, sku),
                $"{sku}: Shopify shows {await _stores.AvailableInShopifyAsync(store, sku)}, ShopFloor {expected} (seed {seed})");
        }
    }

    /// <summary>Recomputes committed from the open sales orders' footprints, apart from the ledger's running figures.</summary>
    private Task<Dictionary<StockKey, decimal>> CommittedByOpenOrdersAsync(List<long> variants) => app.WithDbAsync(async db =>
        (await db.Set<SalesOrder>().Include(o => o.Rows).Include(o => o.Fulfillments).ThenInclude(f => f.Rows).AsSplitQuery()
            .Where(o => o.Rows.Any(r => r.VariantId != null && variants.Contains(r.VariantId.Value))).ToListAsync())
        .SelectMany(o => o.Footprint()).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Committed)));

    /// <summary>Waits until no stock change is left to push and no webhook is left to process.</summary>
    private Task QueuesDrainedAsync() => Eventually.TrueAsync(() => app.WithDbAsync(async db =>
            !await db.OutboxMessages.AnyAsync(m => m.Topic == InventoryChanged.Topic && m.ProcessedAt == null)
            && !await db.Set<ShopFloor.Core.Channels.Inbox.InboxDelivery>().AnyAsync(d => d.Status == ShopFloor.Core.Channels.Inbox.DeliveryStatus.Pending)),
        "the outbox and the inbox drain", seconds: 60);
}

public sealed class StockRacesOnSqlite(SqliteApp app) : StockRaceTests(app), IClassFixture<SqliteApp>;

public sealed class StockRacesOnPostgres(PostgresApp app) : StockRaceTests(app), IClassFixture<PostgresApp>;
