using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;

namespace ShopFloor.Web;

/// <summary>A variant found by its SKU: the one sold when several share it is the newest (R-CAT-1).</summary>
public sealed record SkuMatch(long Id, decimal? SalesPrice);

/// <summary>The small reads many pages share: pick lists, SKUs to variants, variants to names.</summary>
public sealed class Lookups(ShopFloorDbContext db)
{
    public async Task<List<(long Id, string Name)>> LocationsAsync(CancellationToken ct) =>
        (await db.Locations.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct)).Select(l => (l.Id, l.Name)).ToList();

    public async Task<List<(long Id, string Name)>> SuppliersAsync(CancellationToken ct) =>
        (await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();

    public async Task<List<(long Id, string Name)>> CustomersAsync(int take, CancellationToken ct) =>
        (await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).Take(take).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();

    public Task<SkuMatch?> VariantAsync(string? sku, CancellationToken ct, ItemKind? kind = null) =>
        db.Variants.Where(v => v.Sku == sku && (kind == null || v.Item.Kind == kind)).OrderByDescending(v => v.Id)
            .Select(v => new SkuMatch(v.Id, v.SalesPrice)).FirstOrDefaultAsync(ct);

    /// <summary>The variant of each SKU; a SKU no variant has is left out.</summary>
    public async Task<Dictionary<string, SkuMatch>> VariantsAsync(IEnumerable<string> skus, CancellationToken ct)
    {
        var wanted = skus.Distinct().ToList();
        return await db.Variants.Where(v => v.Sku != null && wanted.Contains(v.Sku)).GroupBy(v => v.Sku!)
            .Select(g => g.OrderByDescending(v => v.Id).Select(v => new { Sku = v.Sku!, v.Id, v.SalesPrice }).First())
            .ToDictionaryAsync(v => v.Sku, v => new SkuMatch(v.Id, v.SalesPrice), ct);
    }

    /// <summary>What a page calls each variant: its SKU, or its item's name when it has none.</summary>
    public Task<Dictionary<long, string>> LabelsAsync(IEnumerable<long> variantIds, CancellationToken ct)
    {
        var ids = variantIds.Distinct().ToList();
        return db.Variants.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Sku ?? v.Item.Name, ct);
    }

    /// <summary>The item's name with the SKU in brackets, for lists of rows.</summary>
    public async Task<Dictionary<long, string>> NamesAsync(IEnumerable<long> variantIds, CancellationToken ct)
    {
        var ids = variantIds.Distinct().ToList();
        return (await db.Variants.Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Item.Name, v.Sku }).ToListAsync(ct))
            .ToDictionary(v => v.Id, v => v.Sku is null ? v.Name : $"{v.Name} ({v.Sku})");
    }

    public Task<bool> HasRecipeAsync(long productVariantId, CancellationToken ct) => db.BomRows.AnyAsync(r => r.ProductVariantId == productVariantId, ct);

    public Task<string?> OrderNoAsync(long salesOrderId, CancellationToken ct) =>
        db.Set<Core.Sales.SalesOrder>().Where(o => o.Id == salesOrderId).Select(o => o.OrderNo).FirstOrDefaultAsync(ct);

    public Task<string?> LocationNameAsync(long locationId, CancellationToken ct) =>
        db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstOrDefaultAsync(ct);

    /// <summary>A level's latest movements, newest first.</summary>
    public Task<List<Core.Inventory.InventoryMovement>> MovementsAsync(long variantId, long locationId, int take, CancellationToken ct) =>
        db.InventoryMovements.AsNoTracking().Where(m => m.VariantId == variantId && m.LocationId == locationId)
            .OrderByDescending(m => m.Id).Take(take).ToListAsync(ct);

    /// <summary>A product's recipe rows: each ingredient by its SKU (or name) and quantity.</summary>
    public async Task<List<(long Id, string Ingredient, decimal Quantity)>> RecipeAsync(long productVariantId, CancellationToken ct) =>
        (await db.BomRows.AsNoTracking().Where(b => b.ProductVariantId == productVariantId).OrderBy(b => b.Id)
            .Select(b => new { b.Id, Ingredient = b.IngredientVariant.Sku ?? b.IngredientVariant.Item.Name, b.Quantity }).ToListAsync(ct))
        .Select(b => (b.Id, b.Ingredient, b.Quantity)).ToList();
}
