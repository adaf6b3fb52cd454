using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record CreateVariantRequest(long? ProductId, long? MaterialId, long? ServiceId, string? Sku, string? Name, decimal? SalesPrice, decimal? PurchasePrice);

public sealed record UpdateVariantRequest(string? Sku, string? Name, decimal? SalesPrice, decimal? PurchasePrice);

/// <summary>/v1/variants: the SKU-carrying units of stock (R-CAT-1), filterable by sku.</summary>
public static class VariantsApi
{
    public static void MapVariants(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/variants").WithTags("Variants");
        group.MapGet("", (string? sku, [FromQuery(Name = "product_id")] long? productId, [FromQuery(Name = "material_id")] long? materialId, [FromQuery(Name = "service_id")] long? serviceId, [AsParameters] PageQuery paging,
                ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Variants.AsNoTracking().Include(v => v.Item)
                .Where(v => sku == null || v.Sku == sku)
                .Where(v => productId == null || (v.ItemId == productId && v.Item.Kind == ItemKind.Product))
                .Where(v => materialId == null || (v.ItemId == materialId && v.Item.Kind == ItemKind.Material))
                .Where(v => serviceId == null || (v.ItemId == serviceId && v.Item.Kind == ItemKind.Service))
                .OrderByDescending(v => v.Id)
                .ToPageAsync(paging, http, VariantResponse.From, ct));
        group.MapGet("/{id:long}", async Task<Ok<VariantResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Variants.Include(v => v.Item).FirstOrDefaultAsync(v => v.Id == id, ct) is { } variant
                ? TypedResults.Ok(VariantResponse.From(variant))
                : throw new NotFoundException("Variant", id));
        group.MapPost("", async (CreateVariantRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var parents = new[] { request.ProductId, request.MaterialId, request.ServiceId }.Count(id => id is not null);
            if (parents != 1)
                throw new ValidationFailedException("product_id", "give exactly one of product_id, material_id or service_id");
            var (itemId, kind) = request switch
            {
                { ProductId: { } p } => (p, ItemKind.Product),
                { MaterialId: { } m } => (m, ItemKind.Material),
                _ => (request.ServiceId!.Value, ItemKind.Service),
            };
            var item = await db.Items.Include(i => i.Variants).FirstOrDefaultAsync(i => i.Id == itemId && i.Kind == kind, ct)
                ?? throw new ValidationFailedException($"{ItemResponse.TypeName(kind)}_id", $"{ItemResponse.TypeName(kind)} {itemId} does not exist");
            var now = clock.GetUtcNow().UtcDateTime;
            var variant = item.AddVariant(request.Sku, now);
            variant.Name = request.Name;
            variant.SetPrices(request.SalesPrice, request.PurchasePrice);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(VariantResponse.From(variant));
        });
        group.MapPatch("/{id:long}", async (long id, UpdateVariantRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var variant = await db.Variants.Include(v => v.Item).FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("Variant", id);
            if (request.Sku is not null) variant.Sku = request.Sku.Trim() is { Length: > 0 } sku ? sku : null;
            if (request.Name is not null) variant.Name = request.Name;
            variant.SetPrices(request.SalesPrice ?? variant.SalesPrice, request.PurchasePrice ?? variant.PurchasePrice);
            variant.Touch(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(VariantResponse.From(variant));
        });
        group.MapDelete("/{id:long}", async Task<NoContent> (long id, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var variant = await db.Variants.FindAsync([id], ct);
            if (variant is null)
                throw new NotFoundException("Variant", id);
            if (await db.InventoryMovements.AnyAsync(m => m.VariantId == id, ct))
                throw new DomainException($"Variant {id} has stock movements and cannot be deleted.");
            if (await db.BomRows.AnyAsync(r => r.IngredientVariantId == id, ct))
                throw new DomainException($"Variant {id} is an ingredient of a recipe; remove it from the recipe first.");
            db.Variants.Remove(variant);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }
}
