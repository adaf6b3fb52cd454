using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Making;

public abstract class ManufacturingTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());
    private ApiClient Api => _shop.Api;

    /// <summary>A table made of 4 legs and 1 top, with the materials on the shelf.</summary>
    private async Task<(long Location, long Table, long Leg, long Top)> WorkshopAsync(decimal legs, decimal tops)
    {
        var location = await _shop.LocationAsync();
        var (leg, top, table) = (await _shop.MaterialAsync(), await _shop.MaterialAsync(), await _shop.ProductAsync());
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = table, ingredient_variant_id = leg, quantity = 4 });
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = table, ingredient_variant_id = top, quantity = 1 });
        if (legs > 0) await _shop.AdjustAsync(location, leg, legs);
        if (tops > 0) await _shop.AdjustAsync(location, top, tops);
        return (location, table, leg, top);
    }

    [Fact] // R-MO-1, R-INV-2, R-INV-3: an open MO commits ingredients and expects its output
    public async Task An_open_order_commits_ingredients_and_expects_output()
    {
        var (location, table, leg, top) = await WorkshopAsync(20, 5);
        var order = await _orders.ManufacturingOrderAsync(table, location, 3);

        Assert.Equal("NOT_STARTED", order.GetProperty("status").GetString());
        Assert.Equal(new Stock(0, 0, 3, null, 0), await _shop.StockAsync(table, location));
        Assert.Equal(new Stock(20, 12, 0, null, 8), await _shop.StockAsync(leg, location));
        Assert.Equal(new Stock(5, 3, 0, null, 2), await _shop.StockAsync(top, location));
    }

    [Fact] // R-MO-1: productions consume and produce; DONE completes; leaving DONE reverts exactly
    public async Task Producing_partly_then_completing_and_reverting_moves_stock_exactly()
    {
        var (location, table, leg, top) = await WorkshopAsync(20, 5);
        var order = Id(await _orders.ManufacturingOrderAsync(table, location, 3));

        var partly = await Api.PostAsync("/v1/manufacturing_order_productions", new { manufacturing_order_id = order, quantity = 1 });
        Assert.Equal(1m, partly.GetProperty("quantity").GetDecimal()); // #16: the production, as Katana answers
        Assert.Equal("IN_PROGRESS", (await Api.GetAsync($"/v1/manufacturing_orders/{order}")).GetProperty("status").GetString());
        Assert.Equal(new Stock(1, 0, 2, null, 1), await _shop.StockAsync(table, location));
        Assert.Equal(new Stock(16, 8, 0, null, 8), await _shop.StockAsync(leg, location));

        var done = await Api.PatchAsync($"/v1/manufacturing_orders/{order}", new { status = "DONE" });
        Assert.Equal("DONE", done.GetProperty("status").GetString());
        Assert.Equal(3m, done.GetProperty("actual_quantity").GetDecimal());
        Assert.Equal(new Stock(3, 0, 0, null, 3), await _shop.StockAsync(table, location));
        Assert.Equal(new Stock(8, 0, 0, null, 8), await _shop.StockAsync(leg, location));
        Assert.Equal(new Stock(2, 0, 0, null, 2), await _shop.StockAsync(top, location));

        await Api.PatchAsync($"/v1/manufacturing_orders/{order}", new { status = "IN_PROGRESS" });
        Assert.Equal(new Stock(1, 0, 2, null, 1), await _shop.StockAsync(table, location));
        var production = Id(partly);
        await Api.SendAsync(HttpMethod.Delete, $"/v1/manufacturing_order_productions/{production}");
        Assert.Equal(new Stock(0, 0, 3, null, 0), await _shop.StockAsync(table, location));
        Assert.Equal(new Stock(20, 12, 0, null, 8), await _shop.StockAsync(leg, location));
        Assert.Equal(20m, await _shop.MovementSumAsync(leg, location));
    }

    [Fact] // R-MO-1: BLOCKED while ingredients are missing
    public async Task A_not_started_order_missing_ingredients_reads_as_blocked()
    {
        var (location, table, leg, _) = await WorkshopAsync(2, 1);
        var order = await _orders.ManufacturingOrderAsync(table, location, 1);
        Assert.Equal("BLOCKED", order.GetProperty("status").GetString());
        await _shop.AdjustAsync(location, leg, 2);
        Assert.Equal("NOT_STARTED", (await Api.GetAsync($"/v1/manufacturing_orders/{Id(order)}")).GetProperty("status").GetString());
    }

    [Fact] // bad input: completing an MO without a recipe
    public async Task Completing_an_order_without_a_recipe_is_refused_and_changes_nothing()
    {
        var location = await _shop.LocationAsync();
        var product = await _shop.ProductAsync();
        var order = Id(await _orders.ManufacturingOrderAsync(product, location, 2));

        var response = await Api.SendAsync(HttpMethod.Patch, $"/v1/manufacturing_orders/{order}", new { status = "DONE" });
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("no recipe", problem.GetProperty("detail").GetString());
        Assert.Equal(new Stock(0, 0, 2, null, 0), await _shop.StockAsync(product, location));
    }

    [Fact] // R-MO-1, R-SO-3: make to order shows the row as expected; a not-started MO follows the row
    public async Task A_make_to_order_MO_covers_its_row_and_follows_its_quantity_until_started()
    {
        var (location, table, leg, _) = await WorkshopAsync(40, 10);
        var sale = await _orders.SalesOrderAsync(location, (table, 2));
        Assert.Equal("NOT_AVAILABLE", await _orders.AvailabilityAsync(Id(sale)));

        var made = await Api.PostAsync("/v1/manufacturing_order_make_to_order", new { sales_order_row_id = RowId(sale) });
        Assert.Equal(2m, made.GetProperty("planned_quantity").GetDecimal());
        Assert.Equal(RowId(sale), made.GetProperty("sales_order_row_id").GetInt64());
        Assert.Equal("EXPECTED", await _orders.AvailabilityAsync(Id(sale)));

        await Api.PatchAsync($"/v1/sales_order_rows/{RowId(sale)}", new { quantity = 5 });
        Assert.Equal(5m, (await Api.GetAsync($"/v1/manufacturing_orders/{Id(made)}")).GetProperty("planned_quantity").GetDecimal());
        Assert.Equal(20m, (await _shop.StockAsync(leg, location)).Committed);

        await Api.PatchAsync($"/v1/manufacturing_orders/{Id(made)}", new { status = "IN_PROGRESS" });
        await Api.PatchAsync($"/v1/sales_order_rows/{RowId(sale)}", new { quantity = 3 });
        var started = await Api.GetAsync($"/v1/manufacturing_orders/{Id(made)}");
        Assert.Equal(5m, started.GetProperty("planned_quantity").GetDecimal());
        Assert.True(started.GetProperty("is_unlinked_from_sales_order").GetBoolean());
        Assert.False(started.TryGetProperty("sales_order_row_id", out _)); // unset fields are left out
    }

    [Fact] // R-MO-1: deleting the sales order deletes a not-started linked MO and releases what it held
    public async Task Deleting_the_sales_order_deletes_its_not_started_MO()
    {
        var (location, table, leg, _) = await WorkshopAsync(40, 10);
        var sale = await _orders.SalesOrderAsync(location, (table, 2));
        var made = await Api.PostAsync("/v1/manufacturing_order_make_to_order", new { sales_order_row_id = RowId(sale) });

        await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_orders/{Id(sale)}");
        await ApiClient.ProblemAsync(await Api.Http.GetAsync($"/v1/manufacturing_orders/{Id(made)}"), HttpStatusCode.NotFound);
        Assert.Equal(new Stock(40, 0, 0, null, 40), await _shop.StockAsync(leg, location));
        Assert.Equal(new Stock(0, 0, 0, null, 0), await _shop.StockAsync(table, location));
    }

    [Fact] // #11, R-MO-1: a not-started order refreshed from the recipe reserves what the recipe now says; a started one keeps its own
    public async Task A_not_started_order_takes_the_current_recipe_and_a_started_one_refuses()
    {
        var location = await _shop.LocationAsync();
        var (stool, oak) = (await _shop.ProductAsync(), await _shop.MaterialAsync());
        var row = (await Api.PostAsync("/v1/bom_rows", new { product_variant_id = stool, ingredient_variant_id = oak, quantity = 2 })).GetProperty("id").GetString(); // a UUID, as Katana's
        var order = Id(await _orders.ManufacturingOrderAsync(stool, location, 3));
        Assert.Equal(6m, (await _shop.StockAsync(oak, location)).Committed);

        await Api.PatchAsync($"/v1/bom_rows/{row}", new { quantity = 3 });
        Assert.Equal(6m, (await _shop.StockAsync(oak, location)).Committed); // the order keeps its snapshot until refreshed
        await RefreshAsync(order);
        Assert.Equal(9m, (await _shop.StockAsync(oak, location)).Committed);

        await Api.PostAsync("/v1/manufacturing_order_productions", new { manufacturing_order_id = order, quantity = 1 });
        await Assert.ThrowsAsync<Core.Common.DomainException>(() => RefreshAsync(order));
        Assert.Equal(6m, (await _shop.StockAsync(oak, location)).Committed);
    }

    private async Task RefreshAsync(long order)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Core.Making.ManufacturingOrders>().RefreshRecipeAsync(order, CancellationToken.None);
    }

    [Fact] // R-MO-1, R-INV-2, #16: one order's own ingredients (manufacturing_order_recipe_rows) change what it reserves, until it starts
    public async Task An_orders_own_ingredients_change_what_it_reserves_until_it_starts()
    {
        var (location, table, leg, _) = await WorkshopAsync(20, 5);
        var glue = await _shop.MaterialAsync();
        await _shop.AdjustAsync(location, glue, 10);
        var order = Id(await _orders.ManufacturingOrderAsync(table, location, 2));

        var added = await Api.PostAsync("/v1/manufacturing_order_recipe_rows", new { manufacturing_order_id = order, variant_id = glue, planned_quantity_per_unit = 1.5, notes = "two coats" });
        Assert.Equal("1.5", added.GetProperty("planned_quantity_per_unit").GetString());
        Assert.Equal("IN_STOCK", added.GetProperty("ingredient_availability").GetString());
        Assert.Equal(3m, (await _shop.StockAsync(glue, location)).Committed);
        var legRow = (await Api.GetAsync($"/v1/manufacturing_order_recipe_rows?manufacturing_order_id={order}&variant_id={leg}")).GetProperty("data")[0];
        await Api.PatchAsync($"/v1/manufacturing_order_recipe_rows/{Id(legRow)}", new { planned_quantity_per_unit = 3 });
        Assert.Equal(6m, (await _shop.StockAsync(leg, location)).Committed);

        var production = await Api.PostAsync("/v1/manufacturing_order_productions", new { manufacturing_order_id = order, completed_quantity = 1 });
        var used = production.GetProperty("ingredients").EnumerateArray().ToDictionary(i => i.GetProperty("variant_id").GetInt64(), i => i.GetProperty("quantity").GetDecimal());
        Assert.Equal(1.5m, used[glue]);
        Assert.Equal(3m, used[leg]); // the order's own 3 per table, not the recipe's 4
        Assert.Equal(8.5m, (await _shop.StockAsync(glue, location)).InStock);

        var refused = await Api.SendAsync(HttpMethod.Patch, $"/v1/manufacturing_order_recipe_rows/{Id(added)}", new { planned_quantity_per_unit = 1 });
        await ApiClient.ProblemAsync(refused, HttpStatusCode.Conflict); // the first table was made with 1.5
        var noted = await Api.PatchAsync($"/v1/manufacturing_order_recipe_rows/{Id(added)}", new { notes = "one thick coat" });
        Assert.Equal("one thick coat", noted.GetProperty("notes").GetString());

        var dated = await Api.PatchAsync($"/v1/manufacturing_order_productions/{Id(production)}", new { production_date = "2026-12-01T08:00:00Z" });
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), dated.GetProperty("production_date").GetDateTime().ToUniversalTime());
        var listed = (await Api.GetAsync($"/v1/manufacturing_order_productions?manufacturing_order_ids={order}")).GetProperty("data");
        Assert.Equal(Id(production), Id(Assert.Single(listed.EnumerateArray())));
    }

    [Fact] // R-MO-1, #16: the steps of the work are kept in order with their time and cost, and marked done by who did them
    public async Task Operations_keep_their_order_time_cost_and_who_completed_them()
    {
        var (location, table, _, _) = await WorkshopAsync(20, 5);
        var order = Id(await _orders.ManufacturingOrderAsync(table, location, 4));
        var cut = await Api.PostAsync("/v1/manufacturing_order_operation_rows", new
        {
            manufacturing_order_id = order, operation_name = "Cut", type = "perUnit", planned_time_per_unit = 15, cost_per_hour = 180, status = "NOT_STARTED",
        });
        var sand = await Api.PostAsync("/v1/manufacturing_order_operation_rows", new { manufacturing_order_id = order, operation_name = "Sand", status = "NOT_STARTED" });
        Assert.Equal([1, 2], new[] { cut, sand }.Select(o => o.GetProperty("rank").GetInt32()));
        Assert.Equal("45", cut.GetProperty("planned_cost_per_unit").GetString()); // a quarter hour at 180 an hour
        Assert.Equal(60m, cut.GetProperty("total_remaining_time").GetDecimal()); // 15 minutes for each of 4

        var done = await Api.PatchAsync($"/v1/manufacturing_order_operation_rows/{Id(cut)}", new
        {
            manufacturing_order_id = order, status = "COMPLETED", total_actual_time = 50,
            completed_by_operators = new[] { new { id = 7, operator_name = "Mari" } },
        });
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal("150", done.GetProperty("total_actual_cost").GetString());
        Assert.Equal("Mari", done.GetProperty("completed_by_operators")[0].GetProperty("name").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, done.GetProperty("completed_at").ValueKind);
        var open = (await Api.GetAsync($"/v1/manufacturing_order_operation_rows?manufacturing_order_id={order}&status=NOT_STARTED")).GetProperty("data");
        Assert.Equal(Id(sand), Id(Assert.Single(open.EnumerateArray())));
        var created = await Api.SendAsync(HttpMethod.Post, "/v1/manufacturing_order_operation_rows", new { manufacturing_order_id = order, operation_name = "Oil", status = "COMPLETED" });
        Assert.Contains("\"status\"", (await ApiClient.ProblemAsync(created, HttpStatusCode.UnprocessableEntity)).GetRawText());
    }
}

public sealed class ManufacturingOnSqlite(SqliteApp app) : ManufacturingTests(app), IClassFixture<SqliteApp>;

public sealed class ManufacturingOnPostgres(PostgresApp app) : ManufacturingTests(app), IClassFixture<PostgresApp>;
