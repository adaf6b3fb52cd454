using System.Globalization;
using System.Text.Json;

namespace ShopFloor.Tests.Infrastructure;

public sealed record Stock(decimal InStock, decimal Committed, decimal Expected, decimal? Potential, decimal Available);

/// <summary>Builds a small catalogue through the public API; every call makes fresh records, so tests share a database safely.</summary>
public sealed class Shop(ApiClient api)
{
    public ApiClient Api => api;

    public async Task<long> LocationAsync(string? name = null) =>
        (await api.PostAsync("/v1/locations", new { name = name ?? "Loc " + Unique() })).GetProperty("id").GetInt64();

    public async Task<long> MaterialAsync(string? sku = null) =>
        FirstVariant(await api.PostAsync("/v1/materials", new { name = "Material " + Unique(), variants = new[] { new { sku = sku ?? "M-" + Unique() } } }));

    public async Task<long> ProductAsync(string? sku = null, bool isKit = false) =>
        FirstVariant(await api.PostAsync("/v1/products", new { name = "Product " + Unique(), is_kit = isKit, variants = new[] { new { sku = sku ?? "P-" + Unique() } } }));

    public async Task<long> KitAsync(params (long Variant, decimal PerKit)[] components)
    {
        var kit = await ProductAsync(isKit: true);
        foreach (var (variant, perKit) in components)
            await api.PostAsync("/v1/bom_rows", new { product_variant_id = kit, ingredient_variant_id = variant, quantity = perKit });
        return kit;
    }

    public Task<JsonElement> AdjustAsync(long location, long variant, decimal quantity) =>
        api.PostAsync("/v1/stock_adjustments", new
        {
            location_id = location,
            reason = "test",
            stock_adjustment_rows = new[] { new { variant_id = variant, quantity } },
        });

    public async Task<Stock> StockAsync(long variant, long location)
    {
        var row = (await api.GetAsync($"/v1/inventory?variant_id={variant}&location_id={location}")).GetProperty("data")[0];
        return new Stock(Dec(row, "quantity_in_stock"), Dec(row, "quantity_committed"), Dec(row, "quantity_expected"),
            row.GetProperty("quantity_potential").ValueKind == JsonValueKind.Null ? null : Dec(row, "quantity_potential"),
            Dec(row, "quantity_available"));
    }

    /// <summary>R-INV-1: what the ledger says, summed from every movement of the variant at the location.</summary>
    public async Task<decimal> MovementSumAsync(long variant, long location)
    {
        var sum = 0m;
        for (var page = 1; ; page++)
        {
            var data = (await api.GetAsync($"/v1/inventory_movements?variant_id={variant}&location_id={location}&limit=250&page={page}")).GetProperty("data");
            sum += data.EnumerateArray().Sum(m => m.GetProperty("quantity_change").GetDecimal());
            if (data.GetArrayLength() < 250)
                return sum;
        }
    }

    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static long FirstVariant(JsonElement item) => item.GetProperty("variants")[0].GetProperty("id").GetInt64();

    private static decimal Dec(JsonElement row, string field) => decimal.Parse(row.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);
}
