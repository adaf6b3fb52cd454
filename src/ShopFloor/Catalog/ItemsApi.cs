using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Catalog;

/// <summary>/v1/products, /v1/materials and /v1/services: one shape, three kinds of item (R-CAT-1..3).</summary>
public static class ItemsApi
{
    public static void MapItems(this IEndpointRouteBuilder v1, string path, ItemKind kind)
    {
        var group = v1.MapGroup(path).WithTags(char.ToUpperInvariant(path[0]) + path[1..]);
        group.MapGet("", (string? name, [FromQuery(Name = "include_archived")] bool? includeArchived, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Items.AsNoTracking().Include(i => i.Variants)
                .Where(i => i.Kind == kind && (includeArchived == true || i.ArchivedAt == null) && (name == null || i.Name.Contains(name)))
                .OrderByDescending(i => i.Id)
                .ToPageAsync(paging, http, ItemResponse.From, ct));
        group.MapGet("/{id:long}", async Task<Ok<ItemResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await FindAsync(db, kind, id, ct) is { } item ? TypedResults.Ok(ItemResponse.From(item)) : throw new NotFoundException(ItemResponse.TypeName(kind), id));
        group.MapPost("", async (CreateItemRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var item = Create(kind, request, clock.GetUtcNow().UtcDateTime);
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ItemResponse.From(item));
        });
        group.MapPatch("/{id:long}", async (long id, UpdateItemRequest request, ShopFloorDbContext db, StockLedger ledger, TimeProvider clock, CancellationToken ct) =>
        {
            var item = await db.InTransactionAsync(async token =>
            {
                var item = await FindAsync(db, kind, id, token) ?? throw new NotFoundException(ItemResponse.TypeName(kind), id);
                var kitChanged = request.IsKit is { } isKit && isKit != item.IsKit;
                Apply(item, request, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(token);
                if (kitChanged)
                    await ledger.RecomputeKitsAsync(item.Variants.Select(v => v.Id), token);
                return item;
            }, ct);
            return TypedResults.Ok(ItemResponse.From(item));
        });
        group.MapDelete("/{id:long}", async Task<NoContent> (long id, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var item = await FindAsync(db, kind, id, ct);
            if (item is null)
                throw new NotFoundException(ItemResponse.TypeName(kind), id);
            var variantIds = item.Variants.Select(v => v.Id).ToList();
            if (await db.InventoryMovements.AnyAsync(m => variantIds.Contains(m.VariantId), ct))
                throw new DomainException($"{ItemResponse.TypeName(kind)} {id} has stock movements; archive it instead (is_archived: true).");
            if (await db.BomRows.AnyAsync(r => variantIds.Contains(r.IngredientVariantId), ct))
                throw new DomainException($"{ItemResponse.TypeName(kind)} {id} is an ingredient of a recipe; remove it from the recipe first.");
            db.Items.Remove(item);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    private static Task<Item?> FindAsync(ShopFloorDbContext db, ItemKind kind, long id, CancellationToken ct) =>
        db.Items.Include(i => i.Variants).FirstOrDefaultAsync(i => i.Id == id && i.Kind == kind, ct);

    private static Item Create(ItemKind kind, CreateItemRequest request, DateTime now)
    {
        var item = new Item(kind, request.Name ?? "", now);
        Apply(item, new UpdateItemRequest(null, request.Uom, request.CategoryName, request.IsSellable, request.IsProducible,
            request.IsPurchasable, request.IsKit, request.AdditionalInfo, request.DefaultSupplierId, null), now);
        foreach (var fields in request.Variants is { Count: > 0 } variants ? variants : [new VariantFields(null, null, null, null)])
        {
            var variant = item.AddVariant(fields.Sku, now);
            variant.Name = fields.Name;
            variant.SetPrices(fields.SalesPrice, fields.PurchasePrice);
        }
        return item;
    }

    private static void Apply(Item item, UpdateItemRequest request, DateTime now)
    {
        if (request.Name is not null) item.Rename(request.Name);
        if (request.Uom is not null) item.Uom = Guard.Required(request.Uom, "uom");
        if (request.CategoryName is not null) item.CategoryName = request.CategoryName;
        if (request.IsSellable is { } sellable) item.IsSellable = sellable;
        if (request.IsProducible is { } producible) item.IsProducible = producible;
        if (request.IsPurchasable is { } purchasable) item.IsPurchasable = purchasable;
        if (request.IsKit is { } kit) item.MarkKit(kit);
        if (request.AdditionalInfo is not null) item.AdditionalInfo = request.AdditionalInfo;
        if (request.DefaultSupplierId is { } supplier) item.DefaultSupplierId = supplier;
        if (request.IsArchived is { } archived) item.ArchivedAt = archived ? item.ArchivedAt ?? now : null;
        item.Touch(now);
    }
}
