using System.Net;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Buying;

public abstract class PurchasingAndReturnsTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());
    private ApiClient Api => _shop.Api;

    [Fact] // R-PO-1, #16: freight entered on a purchase order (po_additional_cost_rows) is part of what the goods cost when they arrive
    public async Task Freight_spread_by_value_raises_the_average_cost_of_the_goods_received()
    {
        var location = await _shop.LocationAsync();
        var (cheap, dear) = (await _shop.MaterialAsync(), await _shop.MaterialAsync());
        var order = await Api.PostAsync("/v1/purchase_orders", new
        {
            supplier_id = await _orders.SupplierAsync(), location_id = location,
            purchase_order_rows = new[] { new { variant_id = cheap, quantity = 10, price_per_unit = 2 }, new { variant_id = dear, quantity = 5, price_per_unit = 4 } },
        });
        var tax = Id(await Api.PostAsync("/v1/tax_rates", new { rate = 0 }));
        var shipping = Id((await Api.GetAsync("/v1/additional_costs?name=Shipping")).GetProperty("data")[0]);
        var duty = Id((await Api.GetAsync("/v1/additional_costs?name=Customs%20duty")).GetProperty("data")[0]);
        var freight = await Api.PostAsync("/v1/po_additional_cost_rows", new { group_id = order.GetProperty("default_group_id").GetInt64(), additional_cost_id = shipping, tax_rate_id = tax, price = 8 });
        Assert.Equal("Shipping", freight.GetProperty("name").GetString());
        Assert.Equal("BY_VALUE", freight.GetProperty("distribution_method").GetString());
        // Kept apart: recorded on the order, not in the goods' value.
        await Api.PostAsync("/v1/po_additional_cost_rows", new { group_id = Id(order), additional_cost_id = duty, tax_rate_id = tax, price = 100, distribution_method = "NON_DISTRIBUTED" });

        await Api.PatchAsync($"/v1/purchase_orders/{Id(order)}", new { status = "RECEIVED" });

        // Each row carries freight in proportion to its value (20 and 20 of 40): 2 + 4/10 and 4 + 4/5.
        Assert.Equal("2.4", await AverageCostAsync(cheap, location));
        Assert.Equal("4.8", await AverageCostAsync(dear, location));
        var rows = (await Api.GetAsync($"/v1/po_additional_cost_rows?group_id={Id(order)}")).GetProperty("data");
        Assert.Equal(2, rows.GetArrayLength());
        await ApiClient.ProblemAsync(await Api.SendAsync(HttpMethod.Post, "/v1/po_additional_cost_rows",
            new { group_id = Id(order), additional_cost_id = 9_999, tax_rate_id = tax, price = 1 }), System.Net.HttpStatusCode.UnprocessableEntity);
    }

    private async Task<string> AverageCostAsync(long variant, long location) =>
        (await Api.GetAsync($"/v1/inventory?variant_id={variant}&location_id={location}")).GetProperty("data")[0].GetProperty("average_cost").GetString()!;

    [Fact] // R-PO-1, R-INV-3: expected until received; receiving adds stock at the PO's location; reverting takes it back
    public async Task Receiving_turns_expected_into_stock_and_reverting_takes_it_back()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        var order = await _orders.PurchaseOrderAsync(location, (variant, 10));
        Assert.Equal("NOT_RECEIVED", order.GetProperty("status").GetString());
        Assert.Equal(new Stock(0, 0, 10, null, 0), await _shop.StockAsync(variant, location));

        var row = order.GetProperty("purchase_order_rows")[0].GetProperty("id").GetInt64();
        var received = await Api.SendAsync(HttpMethod.Post, "/v1/purchase_order_receive", new[] { new { purchase_order_row_id = row, quantity = 4 } });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, received.StatusCode); // #16: 204, as Katana answers it
        Assert.Equal("PARTIALLY_RECEIVED", (await Api.GetAsync($"/v1/purchase_orders/{Id(order)}")).GetProperty("status").GetString());
        Assert.Equal(new Stock(4, 0, 6, null, 4), await _shop.StockAsync(variant, location));

        await Api.PatchAsync($"/v1/purchase_orders/{Id(order)}", new { status = "RECEIVED" });
        Assert.Equal(new Stock(10, 0, 0, null, 10), await _shop.StockAsync(variant, location));

        await Api.PatchAsync($"/v1/purchase_orders/{Id(order)}", new { status = "NOT_RECEIVED" });
        Assert.Equal(new Stock(0, 0, 10, null, 0), await _shop.StockAsync(variant, location));
        Assert.Equal(0m, await _shop.MovementSumAsync(variant, location));
    }

    [Fact] // bad input: receiving more than ordered
    public async Task Receiving_more_than_ordered_is_refused_and_changes_nothing()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        var order = await _orders.PurchaseOrderAsync(location, (variant, 10));
        var row = order.GetProperty("purchase_order_rows")[0].GetProperty("id").GetInt64();

        var response = await Api.SendAsync(HttpMethod.Post, "/v1/purchase_order_receive", new[] { new { purchase_order_row_id = row, quantity = 11 } });
        await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new Stock(0, 0, 10, null, 0), await _shop.StockAsync(variant, location));
    }

    [Fact] // R-RET-1: restocked rows add stock when returned; refund-only rows add nothing; reverting takes it back
    public async Task Returned_goods_are_restocked_only_for_restock_rows()
    {
        var location = await _shop.LocationAsync();
        var (mug, plate) = (await _shop.ProductAsync(), await _shop.ProductAsync());
        await _shop.AdjustAsync(location, mug, 5);
        await _shop.AdjustAsync(location, plate, 5);
        var sale = await _orders.SalesOrderAsync(location, (mug, 2), (plate, 2));
        await _orders.FulfillAsync(Id(sale), "DELIVERED");

        var salesReturn = await Api.PostAsync("/v1/sales_returns", new
        {
            sales_order_id = Id(sale),
            sales_return_rows = new object[]
            {
                new { sales_order_row_id = RowId(sale, 0), quantity = 1, restock = true, reason = "changed mind" },
                new { sales_order_row_id = RowId(sale, 1), quantity = 2, restock = false, reason = "broken in transit" },
            },
        });
        Assert.Equal("NOT_RETURNED", salesReturn.GetProperty("status").GetString());
        Assert.Equal(3m, (await _shop.StockAsync(mug, location)).InStock);

        await Api.PatchAsync($"/v1/sales_returns/{Id(salesReturn)}", new { status = "RETURNED" });
        Assert.Equal(4m, (await _shop.StockAsync(mug, location)).InStock);
        Assert.Equal(3m, (await _shop.StockAsync(plate, location)).InStock);

        await Api.PatchAsync($"/v1/sales_returns/{Id(salesReturn)}", new { status = "NOT_RETURNED" });
        Assert.Equal(3m, (await _shop.StockAsync(mug, location)).InStock);
    }

    [Fact] // bad input: returning more than delivered
    public async Task Returning_more_than_delivered_is_refused()
    {
        var location = await _shop.LocationAsync();
        var mug = await _shop.ProductAsync();
        await _shop.AdjustAsync(location, mug, 5);
        var sale = await _orders.SalesOrderAsync(location, (mug, 2));
        await _orders.FulfillAsync(Id(sale), "DELIVERED", (RowId(sale), 1));

        var returnable = await Api.GetAsync($"/v1/sales_orders/{Id(sale)}/returnable_items");
        Assert.Equal(1m, returnable[0].GetProperty("quantity_returnable").GetDecimal());
        var response = await Api.SendAsync(HttpMethod.Post, "/v1/sales_returns", new
        {
            sales_order_id = Id(sale),
            sales_return_rows = new[] { new { sales_order_row_id = RowId(sale), quantity = 2 } },
        });
        await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain((await Api.GetAsync("/v1/sales_returns?limit=250")).GetProperty("data").EnumerateArray(),
            r => r.GetProperty("sales_order_id").GetInt64() == Id(sale));
    }
}

public sealed class PurchasingAndReturnsOnSqlite(SqliteApp app) : PurchasingAndReturnsTests(app), IClassFixture<SqliteApp>;

public sealed class PurchasingAndReturnsOnPostgres(PostgresApp app) : PurchasingAndReturnsTests(app), IClassFixture<PostgresApp>;
