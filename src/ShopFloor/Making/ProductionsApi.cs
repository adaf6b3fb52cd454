using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;

namespace ShopFloor.Making;

public sealed record UpdateProductionRequest(DateTime? ProductionDate);

public sealed record BatchTransactionRequest(long? BatchId, decimal? Quantity);

public sealed record UpdateProductionIngredientRequest(IReadOnlyList<BatchTransactionRequest>? BatchTransactions);

/// <summary>What one production consumed of one ingredient: its id is the consuming inventory movement's.</summary>
public sealed record ProductionIngredientResponse(
    long Id, long LocationId, long VariantId, long ManufacturingOrderId, long? ManufacturingOrderRecipeRowId, long ProductionId, decimal Quantity,
    DateTime ProductionDate, decimal Cost, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ManufacturingOrderProductionResponse(
    long Id, long ManufacturingOrderId, decimal Quantity, DateTime ProductionDate, IReadOnlyList<ProductionIngredientResponse> Ingredients,
    IReadOnlyList<object> Operations, IReadOnlyList<object> SerialNumbers, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>/v1/manufacturing_order_productions and their ingredients: what was made, when, and what it used.</summary>
public static class ProductionsApi
{
    public static void MapProductions(this IEndpointRouteBuilder v1)
    {
        var productions = v1.MapGroup("/manufacturing_order_productions").WithTags("Manufacturing orders");
        productions.MapGet("", ListAsync);
        productions.MapGet("/{id:long}", GetAsync);
        productions.MapPost("", CreateAsync);
        productions.MapPatch("/{id:long}", UpdateAsync);
        productions.MapDelete("/{id:long}", DeleteAsync);
        v1.MapPatch("/manufacturing_order_production_ingredients/{id:long}", UpdateIngredientAsync).WithTags("Manufacturing orders");
    }

    private static async Task<ListResponse<ManufacturingOrderProductionResponse>> ListAsync(
        [FromQuery(Name = "manufacturing_order_ids")] string[]? orderIds, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var orders = RecordFilters.Parse(orderIds, "manufacturing_order_ids");
        var page = await filters.Apply(db.Set<Production>().AsNoTracking(), db)
            .Where(p => orders.Count == 0 || orders.Contains(p.ManufacturingOrderId)).OrderByDescending(p => p.Id).ToPageAsync(paging, http, p => p, ct);
        return new ListResponse<ManufacturingOrderProductionResponse>(await ResponsesAsync(db, page.Data, ct));
    }

    private static async Task<Ok<ManufacturingOrderProductionResponse>> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(db, id, ct));

    /// <summary>Katana answers the production; the order's new status is on GET /manufacturing_orders/{id}.</summary>
    private static async Task<Ok<ManufacturingOrderProductionResponse>> CreateAsync(ProductionRequest request, ManufacturingOrders making,
        ShopFloorDbContext db, CancellationToken ct)
    {
        var order = await making.ProduceAsync(
            request.ManufacturingOrderId ?? throw new ValidationFailedException("manufacturing_order_id", "is required"),
            request.CompletedQuantity ?? request.Quantity ?? throw new ValidationFailedException("completed_quantity", "is required"), ct);
        return TypedResults.Ok(await ResponseAsync(db, order.Productions.Max(p => p.Id), ct));
    }

    private static async Task<Ok<ManufacturingOrderProductionResponse>> UpdateAsync(long id, UpdateProductionRequest request, ManufacturingOrders making,
        ShopFloorDbContext db, CancellationToken ct)
    {
        if (request.ProductionDate is { } date)
            await making.ChangeProductionDateAsync(id, date.ToUniversalTime(), ct);
        return TypedResults.Ok(await ResponseAsync(db, id, ct));
    }

    /// <summary>Deleting a production takes back what it made and gives back what it used.</summary>
    private static async Task<NoContent> DeleteAsync(long id, ManufacturingOrders making, CancellationToken ct)
    {
        await making.DeleteProductionAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Katana's only change here is which batches were used; ShopFloor keeps no batches, so it says so instead of ignoring them.</summary>
    private static async Task<Ok<ProductionIngredientResponse>> UpdateIngredientAsync(long id, UpdateProductionIngredientRequest request,
        ShopFloorDbContext db, CancellationToken ct)
    {
        var movement = await db.InventoryMovements.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == id && m.ResourceType == MovementResourceType.ProductionIngredient && m.QuantityChange < 0, ct)
            ?? throw new NotFoundException("Production ingredient", id);
        if (request.BatchTransactions is { Count: > 0 })
            throw new ValidationFailedException("batch_transactions", "ShopFloor does not track batches");
        var production = await ResponseAsync(db, movement.ResourceId, ct);
        return TypedResults.Ok(production.Ingredients.First(i => i.Id == id));
    }

    private static async Task<ManufacturingOrderProductionResponse> ResponseAsync(ShopFloorDbContext db, long id, CancellationToken ct) =>
        (await ResponsesAsync(db, [await db.Set<Production>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Production", id)], ct))[0];

    private static async Task<List<ManufacturingOrderProductionResponse>> ResponsesAsync(ShopFloorDbContext db, IReadOnlyList<Production> productions, CancellationToken ct)
    {
        var ids = productions.Select(p => p.Id).ToList();
        var orderIds = productions.Select(p => p.ManufacturingOrderId).Distinct().ToList();
        var used = await db.InventoryMovements.AsNoTracking()
            .Where(m => m.ResourceType == MovementResourceType.ProductionIngredient && ids.Contains(m.ResourceId) && m.QuantityChange < 0)
            .OrderBy(m => m.Id).ToListAsync(ct);
        var recipeRows = await db.Set<RecipeRowSnapshot>().AsNoTracking().Where(r => orderIds.Contains(r.ManufacturingOrderId)).ToListAsync(ct);
        var byProduction = used.ToLookup(m => m.ResourceId);
        return productions.Select(p => new ManufacturingOrderProductionResponse(p.Id, p.ManufacturingOrderId, p.Quantity, p.ProductionDate,
            byProduction[p.Id].Select(m => new ProductionIngredientResponse(m.Id, m.LocationId, m.VariantId, p.ManufacturingOrderId,
                recipeRows.FirstOrDefault(r => r.ManufacturingOrderId == p.ManufacturingOrderId && r.VariantId == m.VariantId)?.Id, p.Id,
                -m.QuantityChange, p.ProductionDate, Math.Round(-m.QuantityChange * (m.ValuePerUnit ?? m.AverageCostAfter), 6), m.CreatedAt, m.CreatedAt)).ToList(),
            [], [], p.CreatedAt, p.UpdatedAt)).ToList();
    }
}
