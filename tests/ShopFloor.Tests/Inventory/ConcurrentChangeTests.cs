using System.Net;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Inventory;

/// <summary>
/// #14: the same change sent many times at once (a double-click, a retrying script, two people) applies once.
/// Each case first reproduced the race on PostgreSQL (a transfer received eight times moved its stock several
/// times), then was fixed by locking the document before it is read for a change.
/// </summary>
public abstract class ConcurrentChangeTests(ShopFloorApp app)
{
    private const int Requests = 8;
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());

    [Fact] // R-INV-1, R-TRF-1: a transfer received by 8 requests at once moves its stock once
    public async Task A_transfer_received_concurrently_moves_stock_once()
    {
        var (from, to) = (await _shop.LocationAsync(), await _shop.LocationAsync());
        var variant = await _shop.MaterialAsync();
        await _shop.AdjustAsync(from, variant, 100);
        var transfer = await _shop.Api.PostAsync("/v1/stock_transfers", new
        {
            source_location_id = from, target_location_id = to, status = "draft",
            stock_transfer_rows = new[] { new { variant_id = variant, quantity = 10 } },
        });

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Patch, $"/v1/stock_transfers/{Id(transfer)}/status", new { status = "received" }));

        await AssertStockAsync(variant, from, 90);
        await AssertStockAsync(variant, to, 10);
    }

    [Fact] // R-PO-2: a purchase order marked received by 8 requests at once adds its stock once
    public async Task A_purchase_order_received_concurrently_adds_stock_once()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        var order = await _orders.PurchaseOrderAsync(location, (variant, 5));

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Patch, $"/v1/purchase_orders/{Id(order)}", new { status = "RECEIVED" }));

        await AssertStockAsync(variant, location, 5);
        Assert.Equal(0m, (await _shop.StockAsync(variant, location)).Expected);
    }

    [Fact] // R-PO-2: the same row received by 8 receipts at once is received once, the rest refused
    public async Task A_purchase_order_row_received_concurrently_is_received_once()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        var order = await _orders.PurchaseOrderAsync(location, (variant, 5));
        var row = order.GetProperty("purchase_order_rows")[0].GetProperty("id").GetInt64();

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Post, "/v1/purchase_order_receive", new[] { new { purchase_order_row_id = row, quantity = 5 } }));

        await AssertStockAsync(variant, location, 5);
    }

    [Fact] // R-SO-3: a sales order delivered by 8 requests at once takes its stock once
    public async Task A_sales_order_delivered_concurrently_takes_stock_once()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.ProductAsync();
        await _shop.AdjustAsync(location, variant, 10);
        var sale = await _orders.SalesOrderAsync(location, (variant, 3));

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Patch, $"/v1/sales_orders/{Id(sale)}", new { status = "DELIVERED" }));

        await AssertStockAsync(variant, location, 7);
        Assert.Equal(0m, (await _shop.StockAsync(variant, location)).Committed);
    }

    [Fact] // R-MO-3: a manufacturing order completed by 8 requests at once makes and consumes once
    public async Task A_manufacturing_order_completed_concurrently_makes_once()
    {
        var location = await _shop.LocationAsync();
        var (table, wood) = (await _shop.ProductAsync(), await _shop.MaterialAsync());
        await _shop.Api.PostAsync("/v1/bom_rows", new { product_variant_id = table, ingredient_variant_id = wood, quantity = 2 });
        await _shop.AdjustAsync(location, wood, 20);
        var order = await _orders.ManufacturingOrderAsync(table, location, 3);

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Patch, $"/v1/manufacturing_orders/{Id(order)}", new { status = "DONE" }));

        await AssertStockAsync(table, location, 3);
        await AssertStockAsync(wood, location, 14);
    }

    [Fact] // R-MO-2: Make clicked 8 times at once for one sales row makes one manufacturing order
    public async Task Make_to_order_clicked_concurrently_makes_one_order()
    {
        var location = await _shop.LocationAsync();
        var lamp = await _shop.ProductAsync();
        var sale = await _orders.SalesOrderAsync(location, (lamp, 2));

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Post, "/v1/manufacturing_order_make_to_order", new { sales_order_row_id = RowId(sale) }));

        var orders = (await _shop.Api.GetAsync($"/v1/manufacturing_orders?variant_id={lamp}&limit=50")).GetProperty("data");
        Assert.Equal(1, orders.EnumerateArray().Count(o => o.GetProperty("variant_id").GetInt64() == lamp));
        Assert.Equal(2m, (await _shop.StockAsync(lamp, location)).Expected);
    }

    [Fact] // R-RET-1: a return marked returned by 8 requests at once restocks once; 8 returns of one row at once: one is made
    public async Task A_return_marked_concurrently_restocks_once_and_a_row_is_returned_once()
    {
        var location = await _shop.LocationAsync();
        var mug = await _shop.ProductAsync();
        await _shop.AdjustAsync(location, mug, 5);
        var sale = await _orders.SalesOrderAsync(location, (mug, 2));
        await _orders.FulfillAsync(Id(sale), "DELIVERED");

        var created = await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Post, "/v1/sales_returns", new
        {
            sales_order_id = Id(sale),
            sales_return_rows = new[] { new { sales_order_row_id = RowId(sale), quantity = 2, restock = true, reason = "too small" } },
        }));
        var made = Assert.Single(created, r => r.IsSuccessStatusCode);
        var returnId = Id(System.Text.Json.JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement);

        await BurstAsync(() => _shop.Api.SendAsync(HttpMethod.Patch, $"/v1/sales_returns/{returnId}", new { status = "RETURNED" }));

        await AssertStockAsync(mug, location, 5);
    }

    /// <summary>Sends the same request <see cref="Requests"/> times at once: none may fail with a server error.</summary>
    private static async Task<HttpResponseMessage[]> BurstAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Requests).Select(async _ =>
        {
            await start.WaitAsync();
            return await send();
        }).ToList();
        start.Release(Requests);
        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode || r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
            $"one of the concurrent requests answered {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.IsSuccessStatusCode);
        return responses;
    }

    private async Task AssertStockAsync(long variant, long location, decimal inStock)
    {
        Assert.Equal(inStock, (await _shop.StockAsync(variant, location)).InStock);
        Assert.Equal(inStock, await _shop.MovementSumAsync(variant, location)); // R-INV-1: the ledger agrees
    }
}

public sealed class ConcurrentChangesOnSqlite(SqliteApp app) : ConcurrentChangeTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrentChangesOnPostgres(PostgresApp app) : ConcurrentChangeTests(app), IClassFixture<PostgresApp>;
