using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Sales;

/// <summary>R-SHIP-1, done by hand through the API: order → make what is missing → pack → deliver → Done.</summary>
public abstract class ShipStationWalkTests(ShopFloorApp app)
{
    [Fact]
    public async Task An_order_for_missing_goods_is_made_packed_and_delivered_with_exact_stock_at_every_step()
    {
        var shop = new Shop(app.Api());
        var orders = new Orders(app.Api());
        var api = shop.Api;
        var location = await shop.LocationAsync();
        var (wood, lamp) = (await shop.MaterialAsync(), await shop.ProductAsync());
        await api.PostAsync("/v1/bom_rows", new { product_variant_id = lamp, ingredient_variant_id = wood, quantity = 2 });
        await shop.AdjustAsync(location, lamp, 1);

        // 1. The order arrives: one lamp on the shelf, three ordered.
        var sale = await orders.SalesOrderAsync(location, (lamp, 3));
        Assert.Equal("NOT_AVAILABLE", await orders.AvailabilityAsync(Id(sale)));
        Assert.Equal(new Stock(1, 3, 0, null, -2), await shop.StockAsync(lamp, location));

        // 2. Make what is missing: buy wood, receive it, produce two lamps.
        var purchase = await orders.PurchaseOrderAsync(location, (wood, 4));
        await api.PatchAsync($"/v1/purchase_orders/{Id(purchase)}", new { status = "RECEIVED" });
        var making = await orders.ManufacturingOrderAsync(lamp, location, 2);
        Assert.Equal("EXPECTED", await orders.AvailabilityAsync(Id(sale)));
        await api.PatchAsync($"/v1/manufacturing_orders/{Id(making)}", new { status = "DONE" });
        Assert.Equal("IN_STOCK", await orders.AvailabilityAsync(Id(sale)));
        Assert.Equal(new Stock(3, 3, 0, null, 0), await shop.StockAsync(lamp, location));
        Assert.Equal(new Stock(0, 0, 0, null, 0), await shop.StockAsync(wood, location));

        // 3. Packed: stock leaves, the order stays open.
        await orders.FulfillAsync(Id(sale), "PACKED");
        Assert.Equal("PACKED", await orders.StatusAsync(Id(sale)));
        Assert.Equal(new Stock(0, 0, 0, null, 0), await shop.StockAsync(lamp, location));

        // 4. Shipped: delivered, done.
        await api.PatchAsync($"/v1/sales_orders/{Id(sale)}", new { status = "DELIVERED" });
        Assert.Equal("DELIVERED", await orders.StatusAsync(Id(sale)));
        Assert.Contains((await api.GetAsync("/v1/sales_orders?list=done&limit=250")).GetProperty("data").EnumerateArray(), o => Id(o) == Id(sale));
        Assert.Equal(new Stock(0, 0, 0, null, 0), await shop.StockAsync(lamp, location));
        Assert.Equal(0m, await shop.MovementSumAsync(lamp, location));
    }
}

public sealed class ShipStationWalkOnSqlite(SqliteApp app) : ShipStationWalkTests(app), IClassFixture<SqliteApp>;

public sealed class ShipStationWalkOnPostgres(PostgresApp app) : ShipStationWalkTests(app), IClassFixture<PostgresApp>;
