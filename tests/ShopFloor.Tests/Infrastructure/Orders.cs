using System.Text.Json;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>Order documents through the public API, for the order tests.</summary>
public sealed class Orders(ApiClient api)
{
    public async Task<JsonElement> SalesOrderAsync(long location, params (long Variant, decimal Quantity)[] rows) =>
        await api.PostAsync("/v1/sales_orders", new
        {
            location_id = location,
            sales_order_rows = rows.Select(r => new { variant_id = r.Variant, quantity = r.Quantity, price_per_unit = 10 }).ToArray(),
        });

    public Task<JsonElement> SalesOrderGetAsync(long id) => api.GetAsync($"/v1/sales_orders/{id}");

    public async Task<string> AvailabilityAsync(long orderId, int row = 0) =>
        (await SalesOrderGetAsync(orderId)).GetProperty("sales_order_rows")[row].GetProperty("product_availability").GetString()!;

    public async Task<string> StatusAsync(long orderId) => (await SalesOrderGetAsync(orderId)).GetProperty("status").GetString()!;

    public Task<JsonElement> FulfillAsync(long orderId, string status, params (long Row, decimal Quantity)[] rows) =>
        api.PostAsync("/v1/sales_order_fulfillments", new
        {
            sales_order_id = orderId,
            status,
            sales_order_fulfillment_rows = rows.Length == 0 ? null : rows.Select(r => new { sales_order_row_id = r.Row, quantity = r.Quantity }).ToArray(),
        });

    public async Task<long> SupplierAsync() =>
        (await api.PostAsync("/v1/suppliers", new { name = "Supplier " + Shop.Unique() })).GetProperty("id").GetInt64();

    public async Task<JsonElement> PurchaseOrderAsync(long location, params (long Variant, decimal Quantity)[] rows) =>
        await api.PostAsync("/v1/purchase_orders", new
        {
            supplier_id = await SupplierAsync(),
            location_id = location,
            purchase_order_rows = rows.Select(r => new { variant_id = r.Variant, quantity = r.Quantity, price_per_unit = 2 }).ToArray(),
        });

    public Task<JsonElement> ManufacturingOrderAsync(long variant, long location, decimal quantity) =>
        api.PostAsync("/v1/manufacturing_orders", new { variant_id = variant, location_id = location, planned_quantity = quantity });

    public static long Id(JsonElement document) => document.GetProperty("id").GetInt64();

    public static long RowId(JsonElement order, int row = 0) => order.GetProperty("sales_order_rows")[row].GetProperty("id").GetInt64();
}
