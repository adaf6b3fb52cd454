using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Inventory;

/// <summary>
/// /v1/inventory (R-INV-1..5), /v1/inventory_movements (the ledger that explains it), safety stock levels and
/// /v1/negative_stock.
/// </summary>
public static class InventoryApi
{
    public static void MapInventory(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/inventory", async ([FromQuery(Name = "variant_id")] string[]? variantIds, [FromQuery(Name = "location_id")] long? locationId,
            [FromQuery(Name = "include_archived")] bool? includeArchived, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var ids = RecordFilters.Parse(variantIds, "variant_id");
            // Most catalogues archive nothing: then no level needs the per-row look at its item (it made every page of
            // 300,000 levels count them all through a join).
            var hideArchived = includeArchived != true && await db.Items.AnyAsync(i => i.ArchivedAt != null, ct);
            var page = await db.StockLevels.AsNoTracking()
                .Where(l => ids.Count == 0 || ids.Contains(l.VariantId))
                .Where(l => locationId == null || l.LocationId == locationId)
                .Where(l => !hideArchived || db.Variants.Any(v => v.Id == l.VariantId && v.Item.ArchivedAt == null))
                .OrderBy(l => l.LocationId).ThenBy(l => l.VariantId)
                .ToPageAsync(paging, http, InventoryResponse.From, ct);
            // A variant with no stock history at a location still has a (zero) inventory there.
            if (page.Data.Count == 0 && ids is [var variantId] && locationId is { } location)
                return new ListResponse<InventoryResponse>([await EmptyAsync(db, variantId, location, ct)]);
            return page;
        }).WithTags("Inventory");

        v1.MapGet("/inventory_movements", ([FromQuery(Name = "variant_ids")] string[]? variantIds, [FromQuery(Name = "variant_id")] long? variantId,
                [FromQuery(Name = "location_id")] long? locationId, [FromQuery(Name = "resource_type")] MovementResourceType? resourceType,
                [FromQuery(Name = "resource_id")] long? resourceId, [FromQuery(Name = "caused_by_order_no")] string? orderNo,
                [FromQuery(Name = "caused_by_resource_id")] long? causedBy, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
                ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var variants = RecordFilters.Parse(variantIds, "variant_ids");
            return filters.Apply(db.InventoryMovements.AsNoTracking(), db)
                .Where(m => variantId == null || m.VariantId == variantId)
                .Where(m => variants.Count == 0 || variants.Contains(m.VariantId))
                .Where(m => locationId == null || m.LocationId == locationId)
                .Where(m => resourceType == null || m.ResourceType == resourceType)
                .Where(m => resourceId == null || m.ResourceId == resourceId)
                .Where(m => orderNo == null || m.CausedByOrderNo == orderNo)
                .Where(m => causedBy == null || m.CausedByResourceId == causedBy)
                .OrderByDescending(m => m.Id)
                .ToPageAsync(paging, http, MovementResponse.From, ct);
        }).WithTags("Inventory");

        // Katana's reorder point is the safety stock level under its former name.
        v1.MapPost("/inventory_safety_stock_levels", SetSafetyStockAsync).WithTags("Inventory");
        v1.MapPost("/inventory_reorder_points", SetSafetyStockAsync).WithTags("Inventory");

        v1.MapGet("/negative_stock", ([FromQuery(Name = "location_id")] long? locationId, [FromQuery(Name = "variant_id")] long? variantId,
                string? sku, string? name, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            (from l in db.StockLevels.AsNoTracking()
             join v in db.Variants on l.VariantId equals v.Id
             where l.InStock < 0 && (locationId == null || l.LocationId == locationId) && (variantId == null || l.VariantId == variantId)
                 && (sku == null || v.Sku == sku) && (name == null || v.Item.Name.Contains(name))
             orderby l.VariantId, l.LocationId
             select new NegativeStockResponse(l.VariantId, l.LocationId,
                 db.InventoryMovements.Where(m => m.VariantId == l.VariantId && m.LocationId == l.LocationId && m.BalanceAfter < 0)
                     .Max(m => (DateTime?)m.MovementDate),
                 v.Item.Name, v.Sku, v.Item.CategoryName, l.InStock, l.Committed))
            .ToPageAsync(paging, http, r => r, ct)).WithTags("Inventory");
    }

    private static async Task<SafetyStockResponse> SetSafetyStockAsync(SafetyStockRequest request, ShopFloorDbContext db, StockLedger ledger,
        StockLevelLocks locks, CancellationToken ct)
    {
        var variantId = request.VariantId ?? throw new ValidationFailedException("variant_id", "is required");
        var locationId = request.LocationId ?? throw new ValidationFailedException("location_id", "is required");
        var value = request.Value ?? throw new ValidationFailedException("value", "is required");
        if (value < 0)
            throw new ValidationFailedException("value", "must be 0 or more");
        return await db.InTransactionAsync(async token =>
        {
            await ledger.ValidateAsync([variantId], [locationId], token);
            var level = (await locks.LockAsync([new StockKey(variantId, locationId)], token)).Values.Single();
            level.SafetyStockLevel = value;
            await db.SaveChangesAsync(token);
            return new SafetyStockResponse(variantId, locationId, DecimalJsonConverter.Format(value));
        }, ct);
    }

    private static async Task<InventoryResponse> EmptyAsync(ShopFloorDbContext db, long variantId, long locationId, CancellationToken ct)
    {
        var variant = await db.Variants.Where(v => v.Id == variantId).Select(v => new { v.Item.Kind, v.Item.IsKit }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Variant", variantId);
        if (variant.Kind == ItemKind.Service)
            throw new ValidationFailedException("variant_id", $"variant {variantId} is a service and holds no stock");
        if (!await db.Locations.AnyAsync(l => l.Id == locationId, ct))
            throw new NotFoundException("Location", locationId);
        return InventoryResponse.Empty(variantId, locationId, variant.IsKit);
    }
}
