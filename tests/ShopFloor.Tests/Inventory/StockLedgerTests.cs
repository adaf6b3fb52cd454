using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Outbox;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Inventory;

/// <summary>The ledger through the API, on SQLite and on PostgreSQL.</summary>
public abstract class StockLedgerTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());

    [Fact] // R-INV-1: an archived item's stock leaves the inventory list unless asked for; the rest stays
    public async Task The_inventory_list_leaves_out_archived_items_unless_asked()
    {
        var location = await _shop.LocationAsync();
        var (kept, archived) = (await _shop.MaterialAsync(), await _shop.MaterialAsync());
        await _shop.AdjustAsync(location, kept, 1);
        await _shop.AdjustAsync(location, archived, 1);
        var itemId = (await _shop.Api.GetAsync($"/v1/variants/{archived}")).GetProperty("material_id").GetInt64();
        await _shop.Api.PatchAsync($"/v1/materials/{itemId}", new { is_archived = true });

        async Task<List<long>> ListedAsync(string query) => (await _shop.Api.GetAsync($"/v1/inventory?location_id={location}{query}")).GetProperty("data")
            .EnumerateArray().Select(l => l.GetProperty("variant_id").GetInt64()).ToList();
        Assert.Equal([kept], await ListedAsync(""));
        Assert.Equal([kept, archived], (await ListedAsync("&include_archived=true")).Order());
    }

    [Fact] // R-INV-1, R-ADJ-1, R-INV-4
    public async Task Adjustments_move_in_stock_and_every_figure_is_explained_by_movements()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();

        await _shop.AdjustAsync(location, variant, 12.5m);
        await _shop.AdjustAsync(location, variant, -2.25m);

        var stock = await _shop.StockAsync(variant, location);
        Assert.Equal(10.25m, stock.InStock);
        Assert.Equal(stock.InStock - stock.Committed, stock.Available);
        Assert.Equal(stock.InStock, await _shop.MovementSumAsync(variant, location));
        var movements = (await _shop.Api.GetAsync($"/v1/inventory_movements?variant_id={variant}")).GetProperty("data");
        Assert.Equal(["StockAdjustmentRow", "StockAdjustmentRow"], movements.EnumerateArray().Select(m => m.GetProperty("resource_type").GetString()));
        Assert.Equal(10.25m, movements[0].GetProperty("balance_after").GetDecimal());
    }

    [Fact] // decimals are exact: never binary floating point
    public async Task Quantities_add_up_exactly()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        await _shop.AdjustAsync(location, variant, 0.1m);
        await _shop.AdjustAsync(location, variant, 0.2m);
        Assert.Equal(0.3m, (await _shop.StockAsync(variant, location)).InStock);
    }

    [Fact] // R-INV-1: stock is per variant per location
    public async Task A_new_variant_has_zero_stock_everywhere()
    {
        var stock = await _shop.StockAsync(await _shop.MaterialAsync(), await _shop.LocationAsync());
        Assert.Equal(new Stock(0, 0, 0, null, 0), stock);
    }

    [Fact] // R-INV-5: potential = min over components of floor(available / per kit)
    public async Task A_kits_potential_follows_its_components_available_stock()
    {
        var location = await _shop.LocationAsync();
        var (a, b) = (await _shop.MaterialAsync(), await _shop.MaterialAsync());
        var kit = await _shop.KitAsync((a, 2), (b, 1));
        Assert.Equal(0m, (await _shop.StockAsync(kit, location)).Potential);

        await _shop.AdjustAsync(location, a, 7);
        Assert.Equal(0m, (await _shop.StockAsync(kit, location)).Potential); // b is missing
        await _shop.AdjustAsync(location, b, 5);
        Assert.Equal(3m, (await _shop.StockAsync(kit, location)).Potential); // floor(7/2) = 3
        await _shop.AdjustAsync(location, b, -4);
        Assert.Equal(1m, (await _shop.StockAsync(kit, location)).Potential);

        var elsewhere = await _shop.LocationAsync();
        Assert.Equal(0m, (await _shop.StockAsync(kit, elsewhere)).Potential);
    }

    [Fact] // R-INV-5, R-CAT-4: editing a kit's recipe recomputes its potential
    public async Task Changing_a_kits_recipe_recomputes_its_potential()
    {
        var location = await _shop.LocationAsync();
        var a = await _shop.MaterialAsync();
        await _shop.AdjustAsync(location, a, 10);
        var kit = await _shop.KitAsync((a, 2));
        Assert.Equal(5m, (await _shop.StockAsync(kit, location)).Potential);

        var row = (await _shop.Api.GetAsync($"/v1/bom_rows?product_variant_id={kit}")).GetProperty("data")[0].GetProperty("id").GetString();
        await _shop.Api.PatchAsync($"/v1/bom_rows/{row}", new { quantity = 4 });
        Assert.Equal(2m, (await _shop.StockAsync(kit, location)).Potential);
    }

    [Fact] // R-SYNC-6 groundwork: the change and its outbox event commit together
    public async Task Each_stock_change_records_an_inventory_changed_event_for_the_variant_and_its_kits()
    {
        var location = await _shop.LocationAsync();
        var a = await _shop.MaterialAsync();
        var kit = await _shop.KitAsync((a, 1));

        await _shop.AdjustAsync(location, a, 3);

        var events = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Topic == InventoryChanged.Topic).ToListAsync());
        var changed = events.Select(InventoryChanged.Parse).ToList();
        Assert.Contains(new InventoryChanged(a, location), changed);
        Assert.Contains(new InventoryChanged(kit, location), changed);
    }

    [Fact] // bad input loses nothing already stored
    public async Task An_adjustment_with_an_unknown_variant_is_refused_and_changes_nothing()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        await _shop.AdjustAsync(location, variant, 4);

        var response = await _shop.Api.SendAsync(HttpMethod.Post, "/v1/stock_adjustments", new
        {
            location_id = location,
            stock_adjustment_rows = new object[] { new { variant_id = variant, quantity = 5 }, new { variant_id = 987654321, quantity = 1 } },
        });

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("variant_id", out _));
        Assert.Equal(4m, (await _shop.StockAsync(variant, location)).InStock);
        Assert.Equal(4m, await _shop.MovementSumAsync(variant, location));
    }

    [Theory] // R-ADJ-1: a row must change something; negative rows remove stock
    [InlineData("0", "stock_adjustment_rows[0].quantity")]
    [InlineData("null", "stock_adjustment_rows[0].quantity")]
    public async Task Adjustment_rows_must_have_a_quantity(string quantity, string field)
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        var response = await _shop.Api.SendRawAsync(HttpMethod.Post, "/v1/stock_adjustments",
            $$"""{"location_id": {{location}}, "stock_adjustment_rows": [{"variant_id": {{variant}}, "quantity": {{quantity}}}]}""");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact] // R-CAT-2: services are sold but hold no stock
    public async Task A_service_cannot_be_given_stock()
    {
        var location = await _shop.LocationAsync();
        var service = (await _shop.Api.PostAsync("/v1/services", new { name = "Gift wrap" })).GetProperty("variants")[0].GetProperty("id").GetInt64();
        var response = await _shop.Api.SendAsync(HttpMethod.Post, "/v1/stock_adjustments", new
        {
            location_id = location,
            stock_adjustment_rows = new[] { new { variant_id = service, quantity = 1 } },
        });
        await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact] // transfers: stock leaves the source in transit, reaches the target when received; reverting restores exactly
    public async Task A_transfer_moves_stock_and_reverting_its_status_restores_it()
    {
        var (from, to) = (await _shop.LocationAsync(), await _shop.LocationAsync());
        var variant = await _shop.MaterialAsync();
        await _shop.AdjustAsync(from, variant, 10);

        var transfer = await _shop.Api.PostAsync("/v1/stock_transfers", new
        {
            source_location_id = from, target_location_id = to, status = "inTransit",
            stock_transfer_rows = new[] { new { variant_id = variant, quantity = "4" } },
        });
        var id = transfer.GetProperty("id").GetInt64();
        Assert.Equal((6m, 0m), ((await _shop.StockAsync(variant, from)).InStock, (await _shop.StockAsync(variant, to)).InStock));

        await _shop.Api.PatchAsync($"/v1/stock_transfers/{id}/status", new { status = "received" });
        Assert.Equal((6m, 4m), ((await _shop.StockAsync(variant, from)).InStock, (await _shop.StockAsync(variant, to)).InStock));

        await _shop.Api.PatchAsync($"/v1/stock_transfers/{id}/status", new { status = "draft" });
        Assert.Equal((10m, 0m), ((await _shop.StockAsync(variant, from)).InStock, (await _shop.StockAsync(variant, to)).InStock));
        Assert.Equal(10m, await _shop.MovementSumAsync(variant, from));
        Assert.Equal(0m, await _shop.MovementSumAsync(variant, to));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task A_transfer_needs_a_positive_quantity_and_two_different_locations(string quantity)
    {
        var (from, to) = (await _shop.LocationAsync(), await _shop.LocationAsync());
        var variant = await _shop.MaterialAsync();
        var badQuantity = await _shop.Api.SendRawAsync(HttpMethod.Post, "/v1/stock_transfers",
            $$"""{"source_location_id": {{from}}, "target_location_id": {{to}}, "stock_transfer_rows": [{"variant_id": {{variant}}, "quantity": {{quantity}}}]}""");
        await ApiClient.ProblemAsync(badQuantity, HttpStatusCode.UnprocessableEntity);
        var sameLocation = await _shop.Api.SendAsync(HttpMethod.Post, "/v1/stock_transfers", new
        {
            source_location_id = from, target_location_id = from,
            stock_transfer_rows = new[] { new { variant_id = variant, quantity = 1 } },
        });
        await ApiClient.ProblemAsync(sameLocation, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0m, (await _shop.StockAsync(variant, from)).InStock);
    }

    [Fact] // bad input (#14): location or variant id 0 is a missing record, refused with a 422, not a database error
    public async Task Id_zero_is_refused_as_a_missing_record()
    {
        var from = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        await _shop.AdjustAsync(from, variant, 5);
        var transfer = await _shop.Api.SendAsync(HttpMethod.Post, "/v1/stock_transfers", new
        {
            source_location_id = from, target_location_id = 0, status = "received",
            stock_transfer_rows = new[] { new { variant_id = variant, quantity = 1 } },
        });
        await ApiClient.ProblemAsync(transfer, System.Net.HttpStatusCode.UnprocessableEntity);
        var sale = await _shop.Api.SendAsync(HttpMethod.Post, "/v1/sales_orders", new
        {
            location_id = from, sales_order_rows = new[] { new { variant_id = 0, quantity = 1 } },
        });
        await ApiClient.ProblemAsync(sale, System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal(5m, (await _shop.StockAsync(variant, from)).InStock);
    }

    [Fact] // no lost update: many parallel requests on one variant
    public async Task Parallel_adjustments_of_one_variant_lose_no_update()
    {
        var location = await _shop.LocationAsync();
        var variant = await _shop.MaterialAsync();
        var kit = await _shop.KitAsync((variant, 1));
        const int requests = 40;

        await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => new Shop(app.Api()).AdjustAsync(location, variant, 1)));

        var stock = await _shop.StockAsync(variant, location);
        Assert.Equal(requests, stock.InStock);
        Assert.Equal(requests, await _shop.MovementSumAsync(variant, location));
        Assert.Equal(requests, (await _shop.StockAsync(kit, location)).Potential);
    }
}

public sealed class StockLedgerOnSqlite(SqliteApp app) : StockLedgerTests(app), IClassFixture<SqliteApp>;

public sealed class StockLedgerOnPostgres(PostgresApp app) : StockLedgerTests(app), IClassFixture<PostgresApp>;
