using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Inventory;

/// <summary>Katana sends these quantities as decimal strings; so does ShopFloor.</summary>
public sealed record InventoryResponse(
    long VariantId, long LocationId, string QuantityInStock, string QuantityCommitted, string QuantityExpected,
    string? QuantityPotential, string QuantityAvailable)
{
    public static InventoryResponse From(StockLevel l) => new(
        l.VariantId, l.LocationId, DecimalJsonConverter.Format(l.InStock), DecimalJsonConverter.Format(l.Committed),
        DecimalJsonConverter.Format(l.Expected), l.Potential is { } p ? DecimalJsonConverter.Format(p) : null,
        DecimalJsonConverter.Format(l.Available));

    public static InventoryResponse Empty(long variantId, long locationId, bool isKit) =>
        new(variantId, locationId, "0", "0", "0", isKit ? "0" : null, "0");
}

public sealed record MovementResponse(
    long Id, long VariantId, long LocationId, MovementResourceType ResourceType, long ResourceId, string? CausedByOrderNo,
    long? CausedByResourceId, DateTime MovementDate, decimal QuantityChange, decimal BalanceAfter, decimal? ValuePerUnit,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static MovementResponse From(InventoryMovement m) => new(
        m.Id, m.VariantId, m.LocationId, m.ResourceType, m.ResourceId, m.CausedByOrderNo, m.CausedByResourceId,
        m.MovementDate, m.QuantityChange, m.BalanceAfter, m.ValuePerUnit, m.CreatedAt, m.CreatedAt);
}

/// <summary>/v1/inventory (R-INV-1..5) and /v1/inventory_movements (the ledger that explains it).</summary>
public static class InventoryApi
{
    public static void MapInventory(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/inventory", async ([FromQuery(Name = "variant_id")] long[]? variantIds, [FromQuery(Name = "location_id")] long? locationId,
            [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var ids = variantIds ?? [];
            var page = await db.StockLevels.AsNoTracking()
                .Where(l => ids.Length == 0 || ids.Contains(l.VariantId))
                .Where(l => locationId == null || l.LocationId == locationId)
                .OrderBy(l => l.LocationId).ThenBy(l => l.VariantId)
                .ToPageAsync(paging, http, InventoryResponse.From, ct);
            // A variant with no stock history at a location still has a (zero) inventory there.
            if (page.Data.Count == 0 && ids is [var variantId] && locationId is { } location)
                return new ListResponse<InventoryResponse>([await EmptyAsync(db, variantId, location, ct)]);
            return page;
        }).WithTags("Inventory");

        v1.MapGet("/inventory_movements", ([FromQuery(Name = "variant_id")] long? variantId, [FromQuery(Name = "location_id")] long? locationId,
                [FromQuery(Name = "resource_type")] MovementResourceType? resourceType, [AsParameters] PageQuery paging,
                ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.InventoryMovements.AsNoTracking()
                .Where(m => variantId == null || m.VariantId == variantId)
                .Where(m => locationId == null || m.LocationId == locationId)
                .Where(m => resourceType == null || m.ResourceType == resourceType)
                .OrderByDescending(m => m.Id)
                .ToPageAsync(paging, http, MovementResponse.From, ct)).WithTags("Inventory");
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
