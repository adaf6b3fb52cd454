using System.Net;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Sales;

public abstract class SalesOrderTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());
    private ApiClient Api => _shop.Api;

    [Fact] // #18, R-SO-1: a number, once given, is never given again — not after a delete, not after a change of priority
    public async Task Order_numbers_are_never_given_twice()
    {
        var location = await _shop.LocationAsync();
        var cup = await _shop.ProductAsync();
        var first = await _orders.SalesOrderAsync(location, (cup, 1));
        var second = await _orders.SalesOrderAsync(location, (cup, 1));
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_orders/{Id(second)}")).StatusCode);
        await Api.PatchAsync($"/v1/sales_orders/{Id(first)}", new { priority_rank = 1 });
        var third = await _orders.SalesOrderAsync(location, (cup, 1));
        var taken = await Api.PostAsync("/v1/sales_orders", new
        {
            order_no = NextAfter(third), location_id = location, sales_order_rows = new[] { new { variant_id = cup, quantity = 1, price_per_unit = 1 } },
        }); // a number given by hand…
        var fourth = await _orders.SalesOrderAsync(location, (cup, 1)); // …is skipped, not repeated

        var numbers = new[] { first, second, third, taken, fourth }.Select(o => o.GetProperty("order_no").GetString()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var made = await _orders.ManufacturingOrderAsync(cup, location, 1);
        await Api.SendAsync(HttpMethod.Delete, $"/v1/manufacturing_orders/{Id(made)}");
        Assert.NotEqual(made.GetProperty("order_no").GetString(), (await _orders.ManufacturingOrderAsync(cup, location, 1)).GetProperty("order_no").GetString());
    }

    private static string NextAfter(System.Text.Json.JsonElement order)
    {
        var number = order.GetProperty("order_no").GetString()!;
        return "SO-" + (long.Parse(number[(number.IndexOf('-') + 1)..]) + 1);
    }

    private async Task<(long Location, long Variant)> StockedAsync(decimal quantity)
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.ProductAsync();
        if (quantity != 0)
            await _shop.AdjustAsync(location, variant, quantity);
        return (location, variant);
    }

    [Fact] // R-INV-2, R-INV-4, R-SO-1
    public async Task An_open_order_commits_its_rows_and_lowers_available()
    {
        var (location, variant) = await StockedAsync(10);
        var order = await _orders.SalesOrderAsync(location, (variant, 4));

        Assert.Equal("NOT_SHIPPED", order.GetProperty("status").GetString());
        Assert.Equal(new Stock(10, 4, 0, null, 6), await _shop.StockAsync(variant, location));
        Assert.Equal("IN_STOCK", await _orders.AvailabilityAsync(Id(order)));
    }

    [Fact] // R-SO-2: packed takes stock but keeps the order open; un-packing puts it back exactly
    public async Task Packing_takes_stock_keeps_the_order_open_and_unpacking_restores_it()
    {
        var (location, variant) = await StockedAsync(10);
        var order = Id(await _orders.SalesOrderAsync(location, (variant, 4)));

        var packed = await _orders.FulfillAsync(order, "PACKED");
        Assert.Equal("PACKED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(6, 0, 0, null, 6), await _shop.StockAsync(variant, location));
        Assert.Equal("PICKED", await _orders.AvailabilityAsync(order));
        Assert.Contains((await Api.GetAsync("/v1/sales_orders?list=open&limit=250")).GetProperty("data").EnumerateArray(), o => Id(o) == order);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_order_fulfillments/{Id(packed)}")).StatusCode);
        Assert.Equal("NOT_SHIPPED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(10, 4, 0, null, 6), await _shop.StockAsync(variant, location));
        Assert.Equal(10m, await _shop.MovementSumAsync(variant, location));
    }

    [Fact] // R-SO-1..2: delivered orders are done; reverting the status restores stock exactly
    public async Task Delivering_closes_the_order_and_reverting_restores_it()
    {
        var (location, variant) = await StockedAsync(10);
        var order = Id(await _orders.SalesOrderAsync(location, (variant, 4)));
        var packed = await _orders.FulfillAsync(order, "PACKED");
        await Api.PatchAsync($"/v1/sales_order_fulfillments/{Id(packed)}", new { status = "DELIVERED" });

        Assert.Equal("DELIVERED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(6, 0, 0, null, 6), await _shop.StockAsync(variant, location));
        Assert.Contains((await Api.GetAsync("/v1/sales_orders?list=done&limit=250")).GetProperty("data").EnumerateArray(), o => Id(o) == order);
        Assert.DoesNotContain((await Api.GetAsync("/v1/sales_orders?list=open&limit=250")).GetProperty("data").EnumerateArray(), o => Id(o) == order);

        await Api.PatchAsync($"/v1/sales_orders/{order}", new { status = "NOT_SHIPPED" });
        Assert.Equal("NOT_SHIPPED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(10, 4, 0, null, 6), await _shop.StockAsync(variant, location));
    }

    [Fact] // R-SO-1: partial statuses
    public async Task Partial_packing_and_delivery_show_as_partial_statuses()
    {
        var (location, variant) = await StockedAsync(10);
        var created = await _orders.SalesOrderAsync(location, (variant, 4));
        var (order, row) = (Id(created), RowId(created));

        await _orders.FulfillAsync(order, "PACKED", (row, 1));
        Assert.Equal("PARTIALLY_PACKED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(9, 3, 0, null, 6), await _shop.StockAsync(variant, location));

        await _orders.FulfillAsync(order, "DELIVERED", (row, 2));
        Assert.Equal("PARTIALLY_DELIVERED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(7, 1, 0, null, 6), await _shop.StockAsync(variant, location));

        await Api.PatchAsync($"/v1/sales_orders/{order}", new { status = "DELIVERED" });
        Assert.Equal("DELIVERED", await _orders.StatusAsync(order));
        Assert.Equal(new Stock(6, 0, 0, null, 6), await _shop.StockAsync(variant, location));
    }

    [Fact] // R-SO-1: a PENDING order is a quote; cancelling releases what the order committed
    public async Task Quotes_commit_nothing_and_cancelling_releases_the_commitment()
    {
        var (location, variant) = await StockedAsync(10);
        var quote = await Api.PostAsync("/v1/sales_orders", new
        {
            location_id = location, status = "PENDING",
            sales_order_rows = new[] { new { variant_id = variant, quantity = 3 } },
        });
        Assert.Equal("PENDING", quote.GetProperty("status").GetString());
        Assert.Equal(0m, (await _shop.StockAsync(variant, location)).Committed);

        await Api.PatchAsync($"/v1/sales_orders/{Id(quote)}", new { status = "NOT_SHIPPED" });
        Assert.Equal(3m, (await _shop.StockAsync(variant, location)).Committed);
        await Api.PatchAsync($"/v1/sales_orders/{Id(quote)}", new { status = "CANCELLED" });
        Assert.Equal(new Stock(10, 0, 0, null, 10), await _shop.StockAsync(variant, location));
    }

    [Fact] // R-INV-2: orders marked "does not commit stock for sync"
    public async Task An_order_that_does_not_commit_leaves_committed_alone()
    {
        var (location, variant) = await StockedAsync(10);
        var order = await Api.PostAsync("/v1/sales_orders", new
        {
            location_id = location, commits_stock = false,
            sales_order_rows = new[] { new { variant_id = variant, quantity = 3 } },
        });
        Assert.Equal(new Stock(10, 0, 0, null, 10), await _shop.StockAsync(variant, location));
        await _orders.FulfillAsync(Id(order), "DELIVERED");
        Assert.Equal(new Stock(7, 0, 0, null, 7), await _shop.StockAsync(variant, location));
    }

    [Fact] // R-SO-3: allotment in priority order, which the merchant can change
    public async Task Stock_is_allotted_by_priority_and_re_ranking_moves_it()
    {
        var (location, variant) = await StockedAsync(5);
        var first = Id(await _orders.SalesOrderAsync(location, (variant, 3)));
        var second = Id(await _orders.SalesOrderAsync(location, (variant, 3)));
        Assert.Equal(("IN_STOCK", "NOT_AVAILABLE"), (await _orders.AvailabilityAsync(first), await _orders.AvailabilityAsync(second)));

        var firstRank = (await _orders.SalesOrderGetAsync(first)).GetProperty("priority_rank").GetInt64();
        await Api.PatchAsync($"/v1/sales_orders/{second}", new { priority_rank = firstRank - 1 });
        Assert.Equal(("NOT_AVAILABLE", "IN_STOCK"), (await _orders.AvailabilityAsync(first), await _orders.AvailabilityAsync(second)));

        await _orders.PurchaseOrderAsync(location, (variant, 3));
        Assert.Equal("EXPECTED", await _orders.AvailabilityAsync(first));
        await _shop.AdjustAsync(location, variant, -5);
        Assert.Equal(("NOT_AVAILABLE", "EXPECTED"), (await _orders.AvailabilityAsync(first), await _orders.AvailabilityAsync(second)));
    }

    [Fact] // R-SO-1, R-SO-3: custom rows, services and the shipping fee hold no stock
    public async Task Custom_rows_services_and_shipping_fees_are_not_applicable_to_stock()
    {
        var (location, variant) = await StockedAsync(2);
        var service = (await Api.PostAsync("/v1/services", new { name = "Engraving" })).GetProperty("variants")[0].GetProperty("id").GetInt64();
        var order = await Api.PostAsync("/v1/sales_orders", new
        {
            location_id = location,
            sales_order_rows = new object[]
            {
                new { variant_id = variant, quantity = 1, price_per_unit = 20 },
                new { variant_id = service, quantity = 1, price_per_unit = 5 },
                new { description = "Gift note", quantity = 1, price_per_unit = 0 },
            },
        });
        await Api.PostAsync("/v1/sales_order_shipping_fee", new { sales_order_id = Id(order), amount = 4.95m });
        var read = await _orders.SalesOrderGetAsync(Id(order));
        Assert.Equal(["IN_STOCK", "NOT_APPLICABLE", "NOT_APPLICABLE"],
            read.GetProperty("sales_order_rows").EnumerateArray().Select(r => r.GetProperty("product_availability").GetString()));
        Assert.Equal("4.95", read.GetProperty("shipping_fee").GetProperty("amount").GetString()); // Katana's shape: the fee beside the rows
        Assert.Equal(1m, (await _shop.StockAsync(variant, location)).Committed);

        await _orders.FulfillAsync(Id(order), "DELIVERED");
        Assert.Equal("DELIVERED", await _orders.StatusAsync(Id(order)));
        Assert.Equal(1m, (await _shop.StockAsync(variant, location)).InStock);
    }

    [Fact] // bad input: packing more than ordered changes nothing
    public async Task Packing_more_than_ordered_is_refused_and_changes_nothing()
    {
        var (location, variant) = await StockedAsync(10);
        var created = await _orders.SalesOrderAsync(location, (variant, 4));
        var response = await Api.SendAsync(HttpMethod.Post, "/v1/sales_order_fulfillments", new
        {
            sales_order_id = Id(created), status = "PACKED",
            sales_order_fulfillment_rows = new[] { new { sales_order_row_id = RowId(created), quantity = 5 } },
        });
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sales_order_fulfillment_rows[0].quantity", out _));
        Assert.Equal(new Stock(10, 4, 0, null, 6), await _shop.StockAsync(variant, location));
        Assert.Equal("NOT_SHIPPED", await _orders.StatusAsync(Id(created)));
    }

    [Fact] // bad input: a delivered order cannot be deleted
    public async Task Deleting_a_delivered_order_is_refused_and_changes_nothing()
    {
        var (location, variant) = await StockedAsync(10);
        var order = Id(await _orders.SalesOrderAsync(location, (variant, 4)));
        await _orders.FulfillAsync(order, "DELIVERED");

        await ApiClient.ProblemAsync(await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_orders/{order}"), HttpStatusCode.Conflict);
        Assert.Equal("DELIVERED", await _orders.StatusAsync(order));
        Assert.Equal(6m, (await _shop.StockAsync(variant, location)).InStock);
    }

    [Fact] // R-SO-2: deleting an open, packed order puts its stock back
    public async Task Deleting_a_packed_order_puts_its_stock_back()
    {
        var (location, variant) = await StockedAsync(10);
        var order = Id(await _orders.SalesOrderAsync(location, (variant, 4)));
        await _orders.FulfillAsync(order, "PACKED");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_orders/{order}")).StatusCode);
        Assert.Equal(new Stock(10, 0, 0, null, 10), await _shop.StockAsync(variant, location));
        await ApiClient.ProblemAsync(await Api.Http.GetAsync($"/v1/sales_orders/{order}"), HttpStatusCode.NotFound);
    }

    [Fact] // R-SO-1: editing rows moves the commitment
    public async Task Changing_a_rows_quantity_moves_the_commitment()
    {
        var (location, variant) = await StockedAsync(10);
        var created = await _orders.SalesOrderAsync(location, (variant, 4));
        await Api.PatchAsync($"/v1/sales_order_rows/{RowId(created)}", new { quantity = 7 });
        Assert.Equal(7m, (await _shop.StockAsync(variant, location)).Committed);
        var added = await Api.PostAsync("/v1/sales_order_rows", new { sales_order_id = Id(created), variant_id = variant, quantity = 1 });
        Assert.Equal(8m, (await _shop.StockAsync(variant, location)).Committed);
        await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_order_rows/{Id(added)}");
        Assert.Equal(7m, (await _shop.StockAsync(variant, location)).Committed);
        var unknown = await Api.SendAsync(HttpMethod.Post, "/v1/sales_order_rows", new { sales_order_id = Id(created), variant_id = 987654321, quantity = 1 });
        await ApiClient.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity);
    }

    [Fact] // #13, R-CAT-3: a kit delivered without kits on the shelf is assembled from its components; reverting gives them back
    public async Task A_kit_delivered_without_stock_is_assembled_from_its_components()
    {
        var location = await _shop.LocationAsync();
        var (cup, saucer) = (await _shop.ProductAsync(), await _shop.ProductAsync());
        var set = await _shop.KitAsync((cup, 2), (saucer, 1));
        await _shop.AdjustAsync(location, cup, 10);
        await _shop.AdjustAsync(location, saucer, 5);
        var sale = await _orders.SalesOrderAsync(location, (set, 2));

        await Api.PatchAsync($"/v1/sales_orders/{Id(sale)}", new { status = "DELIVERED" });

        Assert.Equal(0m, (await _shop.StockAsync(set, location)).InStock); // not −2
        Assert.Equal(6m, (await _shop.StockAsync(cup, location)).InStock);
        Assert.Equal(3m, (await _shop.StockAsync(saucer, location)).InStock);
        var assembly = Assert.Single((await Api.GetAsync($"/v1/manufacturing_orders?variant_id={set}")).GetProperty("data").EnumerateArray());
        Assert.Equal("DONE", assembly.GetProperty("status").GetString());
        Assert.Equal(6m, await _shop.MovementSumAsync(cup, location)); // every unit explained by its movements

        await Api.PatchAsync($"/v1/sales_orders/{Id(sale)}", new { status = "NOT_SHIPPED" });
        Assert.Equal(2m, (await _shop.StockAsync(set, location)).InStock); // the assembled kits are back on the shelf
    }
}

public sealed class SalesOrdersOnSqlite(SqliteApp app) : SalesOrderTests(app), IClassFixture<SqliteApp>;

public sealed class SalesOrdersOnPostgres(PostgresApp app) : SalesOrderTests(app), IClassFixture<PostgresApp>;
