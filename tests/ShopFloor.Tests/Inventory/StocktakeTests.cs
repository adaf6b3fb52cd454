using System.Net;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Inventory;

/// <summary>#16: Katana's stocktakes, and stock documents corrected or taken back after the fact.</summary>
public abstract class StocktakeTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());
    private ApiClient Api => _shop.Api;

    [Fact] // R-ADJ-1, R-INV-1: completing a stocktake brings stock to the counts through one adjustment the ledger explains
    public async Task A_completed_stocktake_corrects_stock_to_what_was_counted()
    {
        var location = await _shop.LocationAsync();
        var (screws, glue, wax) = (await _shop.MaterialAsync(), await _shop.MaterialAsync(), await _shop.MaterialAsync());
        await _shop.AdjustAsync(location, screws, 100);
        await _shop.AdjustAsync(location, glue, 8);
        await _shop.AdjustAsync(location, wax, 3);

        var stocktake = await Api.PostAsync("/v1/stocktakes", new { location_id = location, reason = "Year end", stocktake_rows = new[] { new { variant_id = screws, counted_quantity = 96 } } });
        Assert.Equal("NOT_STARTED", stocktake.GetProperty("status").GetString());
        var added = await Api.PostAsync("/v1/stocktake_rows", new
        {
            stocktake_id = Id(stocktake),
            stocktake_rows = new object[] { new { variant_id = glue }, new { variant_id = wax, counted_quantity = 5, notes = "found a box" } },
        });
        Assert.Equal(JsonValueKindArray, added.ValueKind);
        Assert.Equal(3m, added[1].GetProperty("in_stock_quantity").GetDecimal());
        Assert.Equal(2m, added[1].GetProperty("discrepancy_quantity").GetDecimal());
        await Api.PatchAsync($"/v1/stocktakes/{Id(stocktake)}", new { status = "IN_PROGRESS" });
        await _shop.AdjustAsync(location, screws, -10); // sold while counting: the count is what is there at the end

        var completed = await Api.PatchAsync($"/v1/stocktakes/{Id(stocktake)}", new { status = "COMPLETED" });

        Assert.Equal("COMPLETED", completed.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, completed.GetProperty("completed_date").ValueKind);
        Assert.Equal(96m, (await _shop.StockAsync(screws, location)).InStock);
        Assert.Equal(8m, (await _shop.StockAsync(glue, location)).InStock); // not counted: left as it was
        Assert.Equal(5m, (await _shop.StockAsync(wax, location)).InStock);
        var adjustment = await Api.GetAsync($"/v1/stock_adjustments/{completed.GetProperty("stock_adjustment_id").GetInt64()}");
        Assert.Equal([(screws, 6m), (wax, 2m)], adjustment.GetProperty("stock_adjustment_rows").EnumerateArray()
            .Select(r => (r.GetProperty("variant_id").GetInt64(), r.GetProperty("quantity").GetDecimal())).OrderBy(r => r.Item1 == screws ? 0 : 1));
        Assert.Equal(96m, await _shop.MovementSumAsync(screws, location));

        var again = await Api.SendAsync(HttpMethod.Patch, $"/v1/stocktakes/{Id(stocktake)}", new { status = "IN_PROGRESS" });
        await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await Api.SendAsync(HttpMethod.Post, "/v1/stocktake_rows",
            new { stocktake_id = Id(stocktake), stocktake_rows = new[] { new { variant_id = glue } } }), HttpStatusCode.Conflict);
    }

    [Fact] // R-ADJ-1: rows nobody counted are taken as right when the stocktake says so
    public async Task Uncounted_rows_count_as_right_when_the_stocktake_says_so()
    {
        var location = await _shop.LocationAsync();
        var oil = await _shop.MaterialAsync();
        await _shop.AdjustAsync(location, oil, 7);
        var stocktake = await Api.PostAsync("/v1/stocktakes", new
        {
            location_id = location, set_remaining_items_as_counted = true, stocktake_rows = new[] { new { variant_id = oil } },
        });
        var completed = await Api.PatchAsync($"/v1/stocktakes/{Id(stocktake)}", new { status = "COMPLETED" });
        Assert.Equal(7m, completed.GetProperty("stocktake_rows")[0].GetProperty("counted_quantity").GetDecimal());
        Assert.False(completed.TryGetProperty("stock_adjustment_id", out _)); // nothing to correct
        Assert.Equal(7m, (await _shop.StockAsync(oil, location)).InStock);
    }

    [Fact] // R-ADJ-1, R-INV-1: an adjustment moved to another location moves its stock; deleting it takes the stock back
    public async Task An_adjustment_moved_or_deleted_moves_or_takes_back_its_stock()
    {
        var (here, there) = (await _shop.LocationAsync(), await _shop.LocationAsync());
        var nails = await _shop.MaterialAsync();
        var adjustment = await _shop.AdjustAsync(here, nails, 40);

        var moved = await Api.PatchAsync($"/v1/stock_adjustments/{Id(adjustment)}", new { location_id = there, reason = "wrong shelf" });
        Assert.Equal(there, moved.GetProperty("location_id").GetInt64());
        Assert.Equal(0m, (await _shop.StockAsync(nails, here)).InStock);
        Assert.Equal(40m, (await _shop.StockAsync(nails, there)).InStock);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/stock_adjustments/{Id(adjustment)}")).StatusCode);
        Assert.Equal(0m, (await _shop.StockAsync(nails, there)).InStock);
        Assert.Equal(0m, await _shop.MovementSumAsync(nails, there));
        await ApiClient.ProblemAsync(await Api.Http.GetAsync($"/v1/stock_adjustments/{Id(adjustment)}"), HttpStatusCode.NotFound);
    }

    [Fact] // R-INV-1: a transfer deleted after it arrived puts the goods back where they came from
    public async Task A_received_transfer_deleted_puts_the_goods_back()
    {
        var (workshop, shop) = (await _shop.LocationAsync(), await _shop.LocationAsync());
        var chair = await _shop.ProductAsync();
        await _shop.AdjustAsync(workshop, chair, 5);
        var transfer = await Api.PostAsync("/v1/stock_transfers", new
        {
            source_location_id = workshop, target_location_id = shop, stock_transfer_rows = new[] { new { variant_id = chair, quantity = 3 } },
        });
        var renamed = await Api.PatchAsync($"/v1/stock_transfers/{Id(transfer)}", new { stock_transfer_number = "ST-CHAIRS", additional_info = "van" });
        Assert.Equal("ST-CHAIRS", renamed.GetProperty("stock_transfer_number").GetString());
        Assert.Equal(3m, (await _shop.StockAsync(chair, shop)).InStock);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/stock_transfers/{Id(transfer)}")).StatusCode);
        Assert.Equal(5m, (await _shop.StockAsync(chair, workshop)).InStock);
        Assert.Equal(0m, (await _shop.StockAsync(chair, shop)).InStock);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}

public sealed class StocktakesOnSqlite(SqliteApp app) : StocktakeTests(app), IClassFixture<SqliteApp>;

public sealed class StocktakesOnPostgres(PostgresApp app) : StocktakeTests(app), IClassFixture<PostgresApp>;
