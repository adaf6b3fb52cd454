using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;

namespace ShopFloor.Making;

public sealed record RecipeRowRequest(
    long? ManufacturingOrderId, long? VariantId, string? Notes, decimal? PlannedQuantityPerUnit, decimal? TotalActualQuantity,
    IReadOnlyList<BatchTransactionRequest>? BatchTransactions);

public sealed record ManufacturingOrderRecipeRowResponse(
    long Id, long ManufacturingOrderId, long VariantId, string? Notes, string PlannedQuantityPerUnit, string? TotalActualQuantity,
    string IngredientAvailability, IReadOnlyList<object> BatchTransactions, string? Cost, decimal TotalConsumedQuantity, decimal TotalRemainingQuantity,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// /v1/manufacturing_order_recipe_rows: one order's ingredients, a copy of the product's recipe taken when the order was
/// made. Changing them changes what the order reserves; after the first production they are what was used and stay.
/// </summary>
public static class ManufacturingRecipeRowsApi
{
    public static void MapManufacturingRecipeRows(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/manufacturing_order_recipe_rows").WithTags("Manufacturing orders");
        group.MapGet("", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("", CreateAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
    }

    private static async Task<ListResponse<ManufacturingOrderRecipeRowResponse>> ListAsync(
        [FromQuery(Name = "manufacturing_order_id")] long? orderId, [FromQuery(Name = "variant_id")] long? variantId,
        [FromQuery(Name = "ingredient_availability")] string? availability, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var rows = await filters.Apply(db.Set<RecipeRowSnapshot>().AsNoTracking(), db)
            .Where(r => (orderId == null || r.ManufacturingOrderId == orderId) && (variantId == null || r.VariantId == variantId))
            .OrderBy(r => r.Id).ToListAsync(ct);
        var described = await ResponsesAsync(db, rows, ct);
        return Paging.ToPage(described.Where(r => availability == null || string.Equals(r.IngredientAvailability, availability, StringComparison.OrdinalIgnoreCase)), paging, http);
    }

    private static async Task<Ok<ManufacturingOrderRecipeRowResponse>> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(db, id, ct));

    private static async Task<Ok<ManufacturingOrderRecipeRowResponse>> CreateAsync(RecipeRowRequest request, ManufacturingOrders making,
        ShopFloorDbContext db, CancellationToken ct)
    {
        RefuseBatches(request);
        var row = await making.AddRecipeRowAsync(
            request.ManufacturingOrderId ?? throw new ValidationFailedException("manufacturing_order_id", "is required"),
            request.VariantId ?? throw new ValidationFailedException("variant_id", "is required"),
            request.PlannedQuantityPerUnit ?? throw new ValidationFailedException("planned_quantity_per_unit", "is required"), request.Notes, ct);
        return TypedResults.Ok(await ResponseAsync(db, row.Id, ct));
    }

    private static async Task<Ok<ManufacturingOrderRecipeRowResponse>> UpdateAsync(long id, RecipeRowRequest request, ManufacturingOrders making,
        ShopFloorDbContext db, CancellationToken ct)
    {
        RefuseBatches(request);
        await making.ChangeRecipeRowAsync(id, request.VariantId, request.PlannedQuantityPerUnit, request.Notes, ct);
        return TypedResults.Ok(await ResponseAsync(db, id, ct));
    }

    private static async Task<NoContent> DeleteAsync(long id, ManufacturingOrders making, CancellationToken ct)
    {
        await making.DeleteRecipeRowAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>What an order used is derived from its productions; a row's actual quantity is not a figure to type in.</summary>
    private static void RefuseBatches(RecipeRowRequest request)
    {
        if (request.BatchTransactions is { Count: > 0 })
            throw new ValidationFailedException("batch_transactions", "ShopFloor does not track batches");
        if (request.TotalActualQuantity is not null)
            throw new ValidationFailedException("total_actual_quantity", "follows from the order's productions and cannot be set");
    }

    private static async Task<ManufacturingOrderRecipeRowResponse> ResponseAsync(ShopFloorDbContext db, long id, CancellationToken ct) =>
        (await ResponsesAsync(db, [await db.Set<RecipeRowSnapshot>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Manufacturing order recipe row", id)], ct))[0];

    /// <summary>
    /// Availability as Katana reads it: PROCESSED once the order is done; else IN_STOCK when the location holds what
    /// is still needed, EXPECTED when stock on its way covers it, NOT_AVAILABLE otherwise.
    /// </summary>
    private static async Task<List<ManufacturingOrderRecipeRowResponse>> ResponsesAsync(ShopFloorDbContext db, IReadOnlyList<RecipeRowSnapshot> rows,
        CancellationToken ct)
    {
        var orderIds = rows.Select(r => r.ManufacturingOrderId).Distinct().ToList();
        var orders = await db.Set<ManufacturingOrder>().AsNoTracking().Include(o => o.Productions).Where(o => orderIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);
        var variantIds = rows.Select(r => r.VariantId).Distinct().ToList();
        var locationIds = orders.Values.Select(o => o.LocationId).Distinct().ToList();
        var levels = await db.StockLevels.AsNoTracking().Where(l => variantIds.Contains(l.VariantId) && locationIds.Contains(l.LocationId))
            .ToDictionaryAsync(l => l.Key, ct);
        return rows.Select(r =>
        {
            var order = orders[r.ManufacturingOrderId];
            var consumed = r.QuantityPerUnit * order.ProducedQuantity;
            var remaining = order.Status == ManufacturingStatus.Done ? 0 : r.QuantityPerUnit * order.Remaining;
            var level = levels.GetValueOrDefault(new StockKey(r.VariantId, order.LocationId));
            var availability = order.Status == ManufacturingStatus.Done ? "PROCESSED"
                : (level?.InStock ?? 0) >= remaining ? "IN_STOCK"
                : (level?.InStock ?? 0) + (level?.Expected ?? 0) >= remaining ? "EXPECTED"
                : "NOT_AVAILABLE";
            return new ManufacturingOrderRecipeRowResponse(r.Id, r.ManufacturingOrderId, r.VariantId, r.Notes, DecimalJsonConverter.Format(r.QuantityPerUnit),
                order.ProducedQuantity > 0 ? DecimalJsonConverter.Format(consumed) : null, availability, [],
                level is null ? null : DecimalJsonConverter.Format(Math.Round(consumed * level.AverageCost, 6)),
                consumed, remaining, r.CreatedAt, r.UpdatedAt);
        }).ToList();
    }
}
